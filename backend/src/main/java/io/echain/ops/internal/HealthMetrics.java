package io.echain.ops.internal;

import io.echain.shared.PeriodicTasks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Health as metrics, evaluated every 5 seconds in the background (a scrape never waits for a hanging check):
 * {@code echain.readiness.up} and {@code echain.database.up} (1 up, 0 down; 0 as well when the last check did not
 * finish within 20 seconds), and {@code echain.readiness.transitions}, counted on every change of readiness, which
 * is what a flapping probe looks like from inside.
 */
@Component
class HealthMetrics implements SmartLifecycle {

    private static final long STALE_NANOS = TimeUnit.SECONDS.toNanos(20);

    private final HealthEndpoint health;
    private final Counter transitions;
    private volatile Boolean ready;
    private volatile boolean database;
    private volatile long checkedAt = System.nanoTime();
    private final PeriodicTasks tasks = new PeriodicTasks(
                    "health-metrics", LoggerFactory.getLogger(HealthMetrics.class))
            .every(Duration.ofSeconds(5), Duration.ZERO, "Health gauges check", this::safeCheck);

    HealthMetrics(HealthEndpoint health, MeterRegistry meters) {
        this.health = health;
        this.transitions = Counter.builder("echain.readiness.transitions")
                .description("Changes of readiness between UP and not UP")
                .register(meters);
        Gauge.builder("echain.readiness.up", this, m -> m.fresh() && Boolean.TRUE.equals(m.ready) ? 1 : 0)
                .description("1 while the readiness group is UP")
                .register(meters);
        Gauge.builder("echain.database.up", this, m -> m.fresh() && m.database ? 1 : 0)
                .description("1 while the database health check is UP")
                .register(meters);
    }

    void check() {
        boolean nowReady = up(health.healthForPath("readiness"));
        database = up(health.healthForPath("db"));
        checkedAt = System.nanoTime();
        Boolean before = ready;
        ready = nowReady;
        if (before != null && before != nowReady) {
            transitions.increment();
        }
    }

    private boolean fresh() {
        return System.nanoTime() - checkedAt < STALE_NANOS;
    }

    private static boolean up(HealthDescriptor descriptor) {
        return descriptor != null && Status.UP.equals(descriptor.getStatus());
    }

    private void safeCheck() {
        try {
            check();
        } catch (RuntimeException e) {
            ready = Boolean.FALSE;
        }
    }

    @Override
    public void start() {
        tasks.start();
    }

    @Override
    public void stop() {
        tasks.stop();
    }

    @Override
    public boolean isRunning() {
        return tasks.isRunning();
    }
}
