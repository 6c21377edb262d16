package org.licencerisk.functions.models;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A check that the request path triggers but never waits for: at most once per interval, {@link #trigger()} hands it
 * to its executor and returns at once; while one runs, no other starts. {@link #stale} says when none has finished for
 * a while (a container that was idle, or restored from a snapshot). Time is read from the given clock, a wall clock in
 * a container so that it stays right across a snapshot and restore; a clock that goes back makes a check due at once.
 * Thread-safe.
 */
final class PeriodicCheck {

    private final long intervalMillis;
    private final Runnable check;
    private final Clock clock;
    private final Executor executor;
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile long nextCheckMillis;
    /** When the last check finished, by the clock; {@link Long#MIN_VALUE} before the first. */
    private volatile long lastFinishedMillis = Long.MIN_VALUE;

    PeriodicCheck(String name, Duration interval, Runnable check, BackgroundChecks background) {
        this.intervalMillis = interval.toMillis();
        this.check = check;
        this.clock = background.clock();
        this.executor = background.executor(name);
        this.nextCheckMillis = clock.millis();
    }

    /** Starts the check in the background when one is due and none is running. */
    void trigger() {
        long now = clock.millis();
        long next = nextCheckMillis;
        boolean due = now >= next || now < next - intervalMillis;
        if (due && checking.compareAndSet(false, true)) {
            nextCheckMillis = now + intervalMillis;
            try {
                executor.execute(() -> {
                    try {
                        check.run();
                    } finally {
                        lastFinishedMillis = clock.millis();
                        checking.set(false);
                    }
                });
            } catch (RejectedExecutionException e) {
                checking.set(false);
            }
        }
    }

    /**
     * Whether no check has finished within {@code staleAfter}: the caller should look for itself before relying on
     * what the last check found.
     */
    boolean stale(Duration staleAfter) {
        long last = lastFinishedMillis;
        return last == Long.MIN_VALUE || clock.millis() - last > staleAfter.toMillis();
    }

    /** Hands the check to the executor now, whatever the interval, unless one is running. */
    void triggerNow() {
        nextCheckMillis = clock.millis();
        trigger();
    }

    /** Returns the clock the check is timed by. */
    Clock clock() {
        return clock;
    }
}
