package io.echain.shared;

import java.time.Duration;

/**
 * One named daemon thread that runs a loop until stopped: the lifecycle half of a long-running background worker
 * (the outbox, the cache-invalidation listener). The loop asks {@link #running()} to know when to end; {@link #stop()}
 * also interrupts it and waits a bounded time for it to finish.
 */
public final class BackgroundThread {

    private final String name;
    private final Duration stopTimeout;
    private volatile Thread thread;
    private volatile boolean running;

    public BackgroundThread(String name, Duration stopTimeout) {
        this.name = name;
        this.stopTimeout = stopTimeout;
    }

    /** Starts the loop on the thread. */
    public synchronized void start(Runnable loop) {
        running = true;
        thread = Thread.ofPlatform().daemon().name(name).start(loop);
    }

    /** False once {@link #stop()} was called: the loop ends its round and returns. */
    public boolean running() {
        return running;
    }

    public synchronized void stop() {
        running = false;
        Thread worker = thread;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(stopTimeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        thread = null;
    }
}
