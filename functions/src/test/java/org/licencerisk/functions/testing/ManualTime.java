package org.licencerisk.functions.testing;

import org.licencerisk.functions.models.BackgroundChecks;
import org.licencerisk.functions.rescoring.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/**
 * Time that moves only when a test says so, and a background that runs only when a test says so: a clock
 * ({@link #advance}) and an executor whose tasks wait in a queue until {@link #runPending()} runs them on the test's
 * thread. Given to the code under test as {@link #background()} or as its {@link Sleeper} (sleeping advances the
 * clock), it makes what a container does over seconds happen deterministically, without waiting. Thread-safe.
 */
public final class ManualTime extends Clock implements Executor, Sleeper {

    private final Queue<Runnable> pending = new ArrayDeque<>();
    private Instant now;

    /** Time starting at {@code start}. */
    public ManualTime(Instant start) {
        this.now = start;
    }

    /** Time starting at 2026-11-29T09:00:00Z. */
    public ManualTime() {
        this(Instant.parse("2026-11-29T09:00:00Z"));
    }

    /** The checks that follow the registry, timed by this clock and run by {@link #runPending()}. */
    public BackgroundChecks background() {
        return BackgroundChecks.of(this, this);
    }

    /** Moves the clock on by {@code duration}. */
    public synchronized void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Runs the queued tasks, and the tasks they queue, on the caller's thread; returns how many ran. */
    public int runPending() {
        int ran = 0;
        for (Runnable task = next(); task != null; task = next()) {
            task.run();
            ran++;
        }
        return ran;
    }

    /** Returns how many tasks wait to run. */
    public synchronized int pendingTasks() {
        return pending.size();
    }

    private synchronized Runnable next() {
        return pending.poll();
    }

    @Override
    public synchronized long nanoTime() {
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Advances the clock by {@code duration} at once. */
    @Override
    public void sleep(Duration duration) {
        advance(duration);
    }

    @Override
    public synchronized void execute(Runnable task) {
        pending.add(task);
    }

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
