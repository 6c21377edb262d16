package org.licencerisk.functions.rescoring;

import java.time.Duration;

/**
 * Elapsed time and waiting on it: what a job that must wait for something in real time is given, so that tests can
 * let time pass without waiting. {@link #system()} in a container.
 */
public interface Sleeper {

    /** A monotonic reading in nanoseconds, comparable only with other readings of the same sleeper. */
    long nanoTime();

    /**
     * Waits for {@code duration}, or less when interrupted.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void sleep(Duration duration) throws InterruptedException;

    /** {@link System#nanoTime()} and {@link Thread#sleep(long)}. */
    static Sleeper system() {
        return new Sleeper() {
            @Override
            public long nanoTime() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                Thread.sleep(duration.toMillis());
            }
        };
    }
}
