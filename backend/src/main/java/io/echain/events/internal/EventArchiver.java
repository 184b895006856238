package io.echain.events.internal;

import io.echain.chain.indexer.ChainClock;
import io.echain.shared.PeriodicTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the upcoming indexes small (V29): every minute, archives the events that ended more than a day ago by both
 * the chain's clock and the wall clock, and the cancelled ones, in batches. Archiving changes no answer, so every
 * instance may run it; two at once skip each other's rows.
 */
@Component
class EventArchiver implements SmartLifecycle {

    static final Duration MARGIN = Duration.ofDays(1);
    private static final Duration INTERVAL = Duration.ofMinutes(1);
    private static final int BATCH = 10_000;
    private static final int MAX_BATCHES_PER_RUN = 100;
    private static final Logger log = LoggerFactory.getLogger(EventArchiver.class);

    private final Events events;
    private final ChainClock chainClock;
    private final Clock clock;
    private final PeriodicTasks tasks = new PeriodicTasks("event-archiver", log)
            .every(INTERVAL, Duration.ofSeconds(5), "Archiving past events", this::archiveAndLog);

    EventArchiver(Events events, ChainClock chainClock, Clock clock) {
        this.events = events;
        this.chainClock = chainClock;
        this.clock = clock;
    }

    /** One run: archives until a batch comes back short; returns how many events it archived. */
    int archive() {
        Instant chainNow = chainClock.now();
        Instant wallNow = clock.instant();
        Instant endedBefore = (chainNow.isBefore(wallNow) ? chainNow : wallNow).minus(MARGIN);
        int total = 0;
        for (int i = 0; i < MAX_BATCHES_PER_RUN; i++) {
            int archived = events.archive(endedBefore, BATCH);
            total += archived;
            if (archived < BATCH) {
                break;
            }
        }
        return total;
    }

    private void archiveAndLog() {
        int archived = archive();
        if (archived > 0) {
            log.info("Archived {} past or cancelled events", archived);
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
