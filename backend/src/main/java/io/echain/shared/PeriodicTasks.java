package io.echain.shared;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Background work that runs at a fixed delay on daemon threads of its own, from {@link #start()} to {@link #stop()}:
 * the scheduling half of a {@code SmartLifecycle} bean (the chain monitor, the payment tracker, the health gauges).
 * A run that throws is logged as a warning with what it was, and the next run comes on time. One thread per task,
 * so a slow task never delays another.
 */
public final class PeriodicTasks {

    private record Task(String what, Duration initialDelay, Duration delay, Runnable work) {}

    private final String threadName;
    private final Logger log;
    private final List<Task> tasks = new ArrayList<>();
    private volatile ScheduledExecutorService scheduler;

    /** @param threadName the threads' name (numbered when there are several tasks) */
    public PeriodicTasks(String threadName, Logger log) {
        this.threadName = threadName;
        this.log = log;
    }

    /** Adds a task to run {@code initialDelay} after the start and then {@code delay} after each run ends. */
    public synchronized PeriodicTasks every(Duration delay, Duration initialDelay, String what, Runnable work) {
        if (scheduler != null) {
            throw new IllegalStateException("tasks are added before the start");
        }
        tasks.add(new Task(what, initialDelay, delay, work));
        return this;
    }

    /** Starts the tasks; does nothing if they run already. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        var threads = tasks.size() == 1
                ? Thread.ofPlatform().name(threadName).daemon().factory()
                : Thread.ofPlatform().name(threadName + "-", 0).daemon().factory();
        scheduler = Executors.newScheduledThreadPool(Math.max(1, tasks.size()), threads);
        for (Task task : tasks) {
            scheduler.scheduleWithFixedDelay(
                    () -> runSafely(task),
                    task.initialDelay().toMillis(),
                    Math.max(1, task.delay().toMillis()),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Stops the tasks at once (a run in progress is interrupted). */
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    public boolean isRunning() {
        return scheduler != null;
    }

    private void runSafely(Task task) {
        try {
            task.work().run();
        } catch (RuntimeException e) {
            log.warn("{} failed: {}", task.what(), e.toString());
        }
    }
}
