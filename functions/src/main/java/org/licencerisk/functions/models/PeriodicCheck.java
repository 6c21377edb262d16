package org.licencerisk.functions.models;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A check that the request path triggers but never waits for: at most once per interval, {@link #trigger()} hands it
 * to a single daemon thread and returns at once; while one runs, no other starts. {@link #stale} says when none has
 * finished for a while (a container that was idle, or restored from a snapshot). Thread-safe.
 */
public final class PeriodicCheck {

    private final String threadName;
    private final long intervalNanos;
    private final Runnable check;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile long nextCheckNanos = System.nanoTime();
    /** Wall-clock time of the last finished check (wall clock, as it stays right across a snapshot and restore). */
    private volatile long lastFinishedMillis = Long.MIN_VALUE;
    private ExecutorService loader;

    public PeriodicCheck(String threadName, Duration interval, Runnable check) {
        this.threadName = threadName;
        this.intervalNanos = interval.toNanos();
        this.check = check;
    }

    /** Starts the check in the background when one is due and none is running. */
    public void trigger() {
        long now = System.nanoTime();
        if (now - nextCheckNanos >= 0 && checking.compareAndSet(false, true)) {
            nextCheckNanos = now + intervalNanos;
            try {
                loader().execute(() -> {
                    try {
                        check.run();
                    } finally {
                        lastFinishedMillis = System.currentTimeMillis();
                        checking.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                checking.set(false);
            }
        }
    }

    /**
     * Whether no check has finished within {@code staleAfter} (wall clock, so that it stays right across a snapshot and
     * restore): the caller should look for itself before relying on what the last check found.
     */
    public boolean stale(Duration staleAfter) {
        long last = lastFinishedMillis;
        return last == Long.MIN_VALUE || System.currentTimeMillis() - last > staleAfter.toMillis();
    }

    /** Hands the check to the background thread now, whatever the interval, unless one is running. */
    public void triggerNow() {
        nextCheckNanos = System.nanoTime();
        trigger();
    }

    private synchronized ExecutorService loader() {
        if (loader == null) {
            loader = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
            });
        }
        return loader;
    }
}
