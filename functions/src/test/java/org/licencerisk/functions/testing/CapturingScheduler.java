package org.licencerisk.functions.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler that keeps its repeating tasks for the test to run ({@link #runRepeating()}) instead of running them on
 * a timer, and records the period it was asked for. One-off tasks and shutting down work as in the JDK's. Thread-safe.
 */
public final class CapturingScheduler extends ScheduledThreadPoolExecutor {

    private final List<Runnable> repeating = new CopyOnWriteArrayList<>();
    private volatile long periodMillis = -1;

    public CapturingScheduler() {
        super(1);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return keep(command, unit.toMillis(delay));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return keep(command, unit.toMillis(period));
    }

    private ScheduledFuture<?> keep(Runnable command, long millis) {
        repeating.add(command);
        periodMillis = millis;
        // A future that stands for the repetition; it never fires by itself.
        return schedule(() -> { }, 365, TimeUnit.DAYS);
    }

    /** Runs each repeating task once on the caller's thread, as one tick of its timer would. */
    public void runRepeating() {
        repeating.forEach(Runnable::run);
    }

    /** Returns the period or delay the last repeating task was scheduled with, in milliseconds; -1 before any. */
    public long periodMillis() {
        return periodMillis;
    }
}
