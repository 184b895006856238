package io.echain.events.internal;

import io.echain.chain.indexer.ChainClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
    private volatile ScheduledExecutorService scheduler;

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

    private void safeArchive() {
        try {
            int archived = archive();
            if (archived > 0) {
                log.info("Archived {} past or cancelled events", archived);
            }
        } catch (RuntimeException e) {
            log.warn("Archiving past events failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("event-archiver").daemon().factory());
            scheduler.scheduleWithFixedDelay(this::safeArchive, 5_000, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
