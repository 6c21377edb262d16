package org.licencerisk.functions.local;

import org.licencerisk.functions.Components;
import org.licencerisk.functions.jobs.JobCheckpoint;
import org.licencerisk.functions.jobs.JobKind;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.models.PromotionRecord;
import org.licencerisk.functions.rescoring.RescoreRun;
import org.licencerisk.functions.rescoring.RescoreService;
import org.licencerisk.functions.rescoring.TimeBudget;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for the models table's stream, which dynalite lacks: every few seconds it reads the champion
 * pointer and, when the re-scoring job of its revision is missing or still RUNNING, runs it as the
 * {@code RescoreFunction} would (to the end: locally there is no time limit). One background thread, so runs never
 * overlap; a failed check is logged and retried at the next one.
 */
public final class PointerWatcher implements AutoCloseable {

    private final Components components;
    private final StructuredLogger log;
    private final ScheduledExecutorService scheduler;

    private PointerWatcher(Components components, ScheduledExecutorService scheduler) {
        this.components = components;
        this.log = components.logger();
        this.scheduler = scheduler;
    }

    /**
     * Starts watching.
     *
     * @throws IllegalArgumentException when {@code interval} is not positive
     */
    public static PointerWatcher start(Components components, Duration interval) {
        return start(components, interval, Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rescore-pointer-watcher");
            t.setDaemon(true);
            return t;
        }));
    }

    /**
     * Starts watching on {@code scheduler}, which the watcher shuts down when closed (tests: a scheduler whose ticks
     * the test runs).
     *
     * @throws IllegalArgumentException when {@code interval} is not positive
     */
    public static PointerWatcher start(Components components, Duration interval, ScheduledExecutorService scheduler) {
        if (interval.isZero() || interval.isNegative()) {
            scheduler.shutdownNow();
            throw new IllegalArgumentException("The pointer watcher's interval must be positive, not " + interval + ".");
        }
        PointerWatcher w = new PointerWatcher(components, scheduler);
        w.scheduler.scheduleWithFixedDelay(w::checkLogged, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return w;
    }

    /** Builds a watcher that checks only when {@link #checkOnce()} is called (tests). */
    static PointerWatcher manual(Components components) {
        return new PointerWatcher(components, Executors.newSingleThreadScheduledExecutor());
    }

    /** One check: runs the current pointer revision's job when it is missing or RUNNING; empty when there was none to run. */
    Optional<RescoreRun> checkOnce() {
        Optional<PromotionRecord> pointer = components.registry().champion();
        if (pointer.isEmpty()) {
            return Optional.empty();
        }
        Optional<JobCheckpoint> job = components.jobStore().find(JobKind.RESCORE,
                RescoreService.jobId(pointer.get().revision()));
        if (job.isPresent() && !job.get().running()) {
            return Optional.empty();
        }
        RescoreRun run = components.rescoreService().run(TimeBudget.unlimited(),
                p -> log.log(StructuredLogger.Level.INFO, null, "local_rescore_progress", p.logFields()));
        log.log(StructuredLogger.Level.INFO, null, "local_rescore_stopped", run.logFields());
        return Optional.of(run);
    }

    private void checkLogged() {
        try {
            checkOnce();
        } catch (RuntimeException e) {
            // A storage hiccup or an artifact that fails verification: logged (no content), retried next time.
            log.log(StructuredLogger.Level.WARN, null, "local_rescore_check_failed",
                    Map.of("exception", e.getClass().getName()));
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
