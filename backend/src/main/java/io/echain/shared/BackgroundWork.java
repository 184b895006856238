package io.echain.shared;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.MDC;

/**
 * Runs one unit of background work (an indexer poll, an outbox round) as an observation named {@code echain.job}
 * with the job's name: its log lines carry {@code job} and a trace id as a request's lines do, and its duration is
 * the timer {@code echain.job{job}}. Before the application context has set the registry, only {@code job} is set.
 */
public final class BackgroundWork {

    private static volatile ObservationRegistry registry = ObservationRegistry.NOOP;

    private BackgroundWork() {}

    /** Set once by the shared module's configuration. */
    public static void use(ObservationRegistry observations) {
        registry = observations;
    }

    public static void run(String job, Runnable work) {
        String before = MDC.get("job");
        MDC.put("job", job);
        try {
            Observation.createNotStarted("echain.job", registry)
                    .lowCardinalityKeyValue("job", job)
                    .observe(work);
        } finally {
            if (before == null) {
                MDC.remove("job");
            } else {
                MDC.put("job", before);
            }
        }
    }
}
