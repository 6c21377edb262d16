package org.licencerisk.functions.models;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A check that the request path triggers but never waits for: at most once per interval, {@link #trigger()} hands
 * it to a single daemon thread and returns at once; while one runs, no other starts. Thread-safe.
 */
final class PeriodicCheck {

    private final String threadName;
    private final long intervalNanos;
    private final Runnable check;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile long nextCheckNanos = System.nanoTime();
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
                        checking.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                checking.set(false);
            }
        }
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
