package io.echain.shared;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value for a gauge that is read from a slow source (the database, the node) at most once per interval, on a
 * virtual thread: a reader (a Prometheus scrape) never waits for the source and never hangs when it is down. Until
 * the first sample completes, and whenever the last sample is older than {@code maxAge}, the value is the fallback.
 */
public final class Sampled<T> {

    private static final Logger log = LoggerFactory.getLogger(Sampled.class);

    private final Supplier<T> source;
    private final long intervalNanos;
    private final long maxAgeNanos;
    private final T fallback;
    private final AtomicBoolean sampling = new AtomicBoolean();
    private volatile T value;
    private volatile long sampledAt;

    private Sampled(Supplier<T> source, Duration interval, Duration maxAge, T fallback) {
        this.source = source;
        this.intervalNanos = interval.toNanos();
        this.maxAgeNanos = maxAge.toNanos();
        this.fallback = fallback;
        this.value = fallback;
        this.sampledAt = System.nanoTime() - maxAgeNanos - 1;
    }

    /** Sampled every {@code interval}; a value older than ten intervals (the source is down) reads as the fallback. */
    public static <T> Sampled<T> every(Duration interval, T fallback, Supplier<T> source) {
        return new Sampled<>(source, interval, interval.multipliedBy(10), fallback);
    }

    /** The latest sample (starting a new one in the background when it is due). */
    public T get() {
        long age = System.nanoTime() - sampledAt;
        if (age >= intervalNanos && sampling.compareAndSet(false, true)) {
            Thread.ofVirtual().name("metrics-sample").start(this::sample);
        }
        return age > maxAgeNanos ? fallback : value;
    }

    /** Takes a sample now, in the calling thread. */
    public T refresh() {
        sample();
        return get();
    }

    private void sample() {
        try {
            value = source.get();
            sampledAt = System.nanoTime();
        } catch (RuntimeException e) {
            log.debug("Metric sample failed: {}", e.toString());
        } finally {
            sampling.set(false);
        }
    }
}
