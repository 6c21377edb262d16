package org.licencerisk.functions.models;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Where and when the checks that follow the registry run ({@link ChampionModel}, {@link ShadowModels}): the clock that
 * says when one is due and, per check, the executor that runs it off the request path. In a container: the system
 * clock and one daemon thread per check, started on first use. Tests give a clock they advance and an executor that
 * runs the queued checks when told to. Immutable and thread-safe.
 */
public final class BackgroundChecks {

    private final Clock clock;
    private final Function<String, Executor> executors;

    private BackgroundChecks(Clock clock, Function<String, Executor> executors) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executors = Objects.requireNonNull(executors, "executors");
    }

    /** The system clock and one daemon thread per check, named after the check and started on first use. */
    public static BackgroundChecks daemonThreads() {
        return new BackgroundChecks(Clock.systemUTC(), DaemonThread::new);
    }

    /** Every check runs on {@code executor}, due by {@code clock}. */
    public static BackgroundChecks of(Clock clock, Executor executor) {
        Objects.requireNonNull(executor, "executor");
        return new BackgroundChecks(clock, name -> executor);
    }

    /** Returns the clock that says when a check is due and when one last finished. */
    public Clock clock() {
        return clock;
    }

    /** Returns the executor of the check named {@code name}. */
    Executor executor(String name) {
        return executors.apply(name);
    }

    /** A single daemon thread, started by the first task. */
    private static final class DaemonThread implements Executor {
        private final String name;
        private ExecutorService thread;

        DaemonThread(String name) {
            this.name = name;
        }

        @Override
        public void execute(Runnable task) {
            thread().execute(task);
        }

        private synchronized ExecutorService thread() {
            if (thread == null) {
                thread = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, name);
                    t.setDaemon(true);
                    return t;
                });
            }
            return thread;
        }
    }
}
