package org.licencerisk.functions.models;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A check that the request path triggers but normally never waits for: at most once per interval, {@link #trigger()}
 * hands it to a single daemon thread and returns at once; while one runs, no other starts. {@link #runIfStale} runs it
 * on the caller's thread instead when no check has finished for a while (a container that was idle, or restored from
 * a snapshot), so that such a container never serves on the strength of an old check. Thread-safe.
 */
final class PeriodicCheck {

    private final String threadName;
    private final long intervalNanos;
    private final Runnable check;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile long nextCheckNanos = System.nanoTime();
    /** Wall-clock time of the last finished check (wall clock, as it stays right across a snapshot and restore). */
    private volatile long lastFinishedMillis = Long.MIN_VALUE;
    private ExecutorService loader;

    PeriodicCheck(String threadName, Duration interval, Runnable check) {
        this.threadName = threadName;
        this.intervalNanos = interval.toNanos();
        this.check = check;
    }

    /** Starts the check in the background when one is due and none is running. */
    void trigger() {
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
     * Runs the check on the caller's thread when none has finished within {@code staleAfter} and none is running;
     * otherwise does what {@link #trigger()} does.
     *
     * @return whether the check ran on the caller's thread
     */
    boolean runIfStale(Duration staleAfter) {
        long last = lastFinishedMillis;
        boolean stale = last == Long.MIN_VALUE || System.currentTimeMillis() - last > staleAfter.toMillis();
        if (stale && checking.compareAndSet(false, true)) {
            nextCheckNanos = System.nanoTime() + intervalNanos;
            try {
                check.run();
            } finally {
                lastFinishedMillis = System.currentTimeMillis();
                checking.set(false);
            }
            return true;
        }
        trigger();
        return false;
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
