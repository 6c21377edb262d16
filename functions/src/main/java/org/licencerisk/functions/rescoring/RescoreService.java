package org.licencerisk.functions.rescoring;

import org.licencerisk.functions.jobs.JobCheckpoint;
import org.licencerisk.functions.jobs.JobKind;
import org.licencerisk.functions.jobs.JobStatus;
import org.licencerisk.functions.jobs.JobStore;
import org.licencerisk.functions.models.ModelRegistry;
import org.licencerisk.functions.models.PromotionRecord;
import org.licencerisk.functions.models.VerifiedModels;
import org.licencerisk.functions.queue.ApplicationCase;
import org.licencerisk.functions.queue.CaseRepository;
import org.licencerisk.functions.queue.CaseState;
import org.licencerisk.functions.scores.InputHash;
import org.licencerisk.functions.scores.ScoreIds;
import org.licencerisk.functions.scores.ScoreRepository;
import org.licencerisk.functions.scores.StoredScore;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.scoring.RiskScore;
import org.licencerisk.model.scoring.RiskScorer;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * Re-scores the undecided applications with the champion the registry's pointer names: one job per pointer revision
 * ({@link JobKind#RESCORE}, id = the revision zero-padded to 12 digits, details {@code championVersion} and
 * {@code undecidedAtStart}).
 * <p>
 * A run walks the undecided cases with {@link CaseRepository#scan} a page at a time, from the job's checkpoint. A case
 * whose latest score is already by the champion counts as {@code alreadyCurrent}; otherwise the content stored with
 * its latest score is parsed and scored again, stored by the conditional put of {@link ScoreRepository#insertIfAbsent}
 * (its id derives from content and model, {@link ScoreIds}, so a re-run never stores it twice) and the case advanced
 * with {@link CaseRepository#advanceLatest} (which moves only forward and never puts a decided case back in the
 * queue: a decision racing the re-score wins, counted {@code decidedMeanwhile}). Scores stored without content count
 * as {@code withoutContent}, content that no longer parses or scores as {@code failed}; both are skipped.
 * <p>
 * After every page the run saves a checkpoint (cursor and counts) by the job store's conditional put, so of two
 * workers on one job only one goes on. Between pages it stops when the time budget says so (the job stays RUNNING), or
 * when the pointer has moved to a newer revision (the job ends SUPERSEDED: the newer job re-scores everything anyway).
 * A crash inside a page repeats that page on resume; its re-scored cases then count as {@code alreadyCurrent}, so
 * counts are exact for runs stopped at page boundaries and at-least-once otherwise. Thread-safe; one run at a time per
 * caller.
 */
public final class RescoreService {

    /** Count: undecided cases looked at. */
    public static final String SEEN = "seen";
    /** Count: cases given a score by the champion in this job. */
    public static final String RESCORED = "rescored";
    /** Count: cases whose latest score was already the champion's. */
    public static final String ALREADY_CURRENT = "alreadyCurrent";
    /** Count: cases whose latest score was stored without its content (before content was kept). */
    public static final String WITHOUT_CONTENT = "withoutContent";
    /** Count: cases re-scored while an officer decided them; they stay out of the queue. */
    public static final String DECIDED_MEANWHILE = "decidedMeanwhile";
    /** Count: cases whose stored content no longer parses or scores. */
    public static final String FAILED = "failed";
    /** Every count, in report order. */
    public static final List<String> COUNTS = List.of(SEEN, RESCORED, ALREADY_CURRENT, WITHOUT_CONTENT,
            DECIDED_MEANWHILE, FAILED);
    /** Detail: the model version the job scores with. */
    public static final String CHAMPION_VERSION = "championVersion";
    /** Detail: the undecided applications when the job started (the progress estimate's total). */
    public static final String UNDECIDED_AT_START = "undecidedAtStart";
    /** The default page size of the scan. */
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** Detail: which pass the job is in; absent in the first, {@value #SWEEP} in the closing sweep. */
    public static final String PASS = "pass";
    /** The closing sweep's pass. */
    public static final String SWEEP = "sweep";

    private final ApplicationParser parser = new ApplicationParser();
    private final ModelRegistry registry;
    private final VerifiedModels models;
    private final CaseRepository cases;
    private final ScoreRepository scores;
    private final StoredContent contents;
    private final JobStore jobs;
    private final Clock clock;
    private final int pageSize;
    private final Duration settle;
    private final Sleeper sleeper;

    /** A service whose jobs end after one pass (no scoring function can lag behind the pointer: tests, benchmarks). */
    public RescoreService(ModelRegistry registry, VerifiedModels models, CaseRepository cases, ScoreRepository scores,
                          StoredContent contents, JobStore jobs, Clock clock, int pageSize) {
        this(registry, models, cases, scores, contents, jobs, clock, pageSize, Duration.ZERO);
    }

    /**
     * @param settle how long after a promotion a scoring function may still score with the previous champion (see
     *               {@link org.licencerisk.functions.models.ChampionModel#current()}); a job that started earlier
     *               ends with a sweep that starts no earlier than the promotion plus this
     */
    public RescoreService(ModelRegistry registry, VerifiedModels models, CaseRepository cases, ScoreRepository scores,
                          StoredContent contents, JobStore jobs, Clock clock, int pageSize, Duration settle) {
        this(registry, models, cases, scores, contents, jobs, clock, pageSize, settle, Sleeper.system());
    }

    /** The same, waiting for the closing sweep on {@code sleeper}. */
    public RescoreService(ModelRegistry registry, VerifiedModels models, CaseRepository cases, ScoreRepository scores,
                          StoredContent contents, JobStore jobs, Clock clock, int pageSize, Duration settle,
                          Sleeper sleeper) {
        this.sleeper = sleeper;
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("A re-scoring page must hold between 1 and 1000 cases, not "
                    + pageSize + ".");
        }
        this.registry = registry;
        this.models = models;
        this.cases = cases;
        this.scores = scores;
        this.contents = contents;
        this.jobs = jobs;
        this.clock = clock;
        this.pageSize = pageSize;
        if (settle.isNegative()) {
            throw new IllegalArgumentException("The settling time after a promotion cannot be negative, but was "
                    + settle + ".");
        }
        this.settle = settle;
    }

    /** The job id of a pointer revision: zero-padded to 12 digits, so that ids sort as revisions do. */
    public static String jobId(long revision) {
        return String.format(java.util.Locale.ROOT, "%012d", revision);
    }

    /**
     * Runs (or resumes) the job of the current champion pointer until it ends, the pointer moves on, another worker
     * overtakes it or the budget runs out; finishes older jobs still RUNNING as SUPERSEDED first.
     *
     * @param progress told after every page
     * @throws org.licencerisk.model.artifact.ArtifactException when the champion's artifact cannot be loaded or fails
     *                                                           verification (nothing is re-scored)
     */
    public RescoreRun run(TimeBudget budget, Consumer<RescoreProgress> progress) {
        Optional<PromotionRecord> pointer = registry.champion();
        if (pointer.isEmpty()) {
            return new RescoreRun(RescoreRun.Stop.NO_CHAMPION, null);
        }
        long revision = pointer.get().revision();
        String version = pointer.get().toVersion();
        supersedeOlder(revision);
        JobCheckpoint job = startOrResume(revision, version);
        if (!job.running()) {
            return new RescoreRun(RescoreRun.Stop.ALREADY_ENDED, job);
        }
        LazyScorer scorer = new LazyScorer(version);
        Instant sweepFrom = pointer.get().at().plus(settle);
        long began = System.nanoTime();
        long seenThisRun = 0;
        while (true) {
            if (!budget.allowsAnotherPage()) {
                return new RescoreRun(RescoreRun.Stop.OUT_OF_TIME, job);
            }
            boolean sweeping = SWEEP.equals(job.details().get(PASS));
            if (sweeping && job.cursor() == null && !awaitSweep(sweepFrom, budget, revision)) {
                return new RescoreRun(RescoreRun.Stop.OUT_OF_TIME, job);
            }
            Page<ApplicationCase> page = cases.scan(CaseState.UNDECIDED, pageSize, job.cursor());
            Map<String, Long> counts = new HashMap<>(job.counts());
            COUNTS.forEach(name -> counts.putIfAbsent(name, 0L));
            Map<String, String> stale = new HashMap<>();
            page.items().stream().filter(c -> !version.equals(c.modelVersion()))
                    .forEach(c -> stale.put(c.applicationId(), c.scoreId()));
            Map<String, String> content = stale.isEmpty() ? Map.of() : contents.applications(stale);
            for (ApplicationCase c : page.items()) {
                String outcome = rescore(c, version, scorer, Optional.ofNullable(content.get(c.applicationId())));
                // The sweep counts only what it changes: every case it sees was seen by the first pass already.
                if (!sweeping || !outcome.equals(ALREADY_CURRENT)) {
                    add(counts, outcome);
                }
                if (!sweeping) {
                    add(counts, SEEN);
                }
                seenThisRun++;
            }
            Optional<PromotionRecord> now = registry.champion();
            JobCheckpoint next;
            RescoreRun.Stop stop = null;
            if (now.isPresent() && now.get().revision() > revision) {
                next = job.finish(JobStatus.SUPERSEDED, counts, clock.instant());
                stop = RescoreRun.Stop.SUPERSEDED;
            } else if (page.nextCursor() == null && !sweeping && job.startedAt().isBefore(sweepFrom)) {
                // The first pass began while some scoring function could still score with the old champion: one more
                // pass, from the start, once none can, catches the applications scored that way behind the scan.
                next = job.advance(null, counts, Map.of(PASS, SWEEP), clock.instant());
            } else if (page.nextCursor() == null) {
                next = job.finish(JobStatus.COMPLETE, counts, clock.instant());
                stop = RescoreRun.Stop.COMPLETE;
            } else {
                next = job.advance(page.nextCursor(), counts, clock.instant());
            }
            if (!jobs.save(next)) {
                return new RescoreRun(RescoreRun.Stop.OVERTAKEN, jobs.find(JobKind.RESCORE, job.jobId()).orElse(job));
            }
            job = next;
            progress.accept(new RescoreProgress(job, seenThisRun, Duration.ofNanos(System.nanoTime() - began)));
            if (stop != null) {
                return new RescoreRun(stop, job);
            }
        }
    }

    /**
     * Waits until {@code sweepFrom} (measured once on the service's clock, then on its sleeper), a second at a time,
     * while the budget allows and the pointer stays at {@code revision} (a newer promotion's job must not wait behind
     * this one: the caller's next page then ends this job as SUPERSEDED).
     *
     * @return whether to go on; {@code false} when the budget ran out first (the job stays RUNNING)
     */
    private boolean awaitSweep(Instant sweepFrom, TimeBudget budget, long revision) {
        long waitNanos = Duration.between(clock.instant(), sweepFrom).toNanos();
        long until = sleeper.nanoTime() + waitNanos;
        while (sleeper.nanoTime() - until < 0) {
            if (!budget.allowsAnotherPage()) {
                return false;
            }
            if (registry.champion().map(p -> p.revision() > revision).orElse(false)) {
                return true;
            }
            try {
                sleeper.sleep(Duration.ofMillis(Math.max(1, Math.min(1_000, (until - sleeper.nanoTime()) / 1_000_000))));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Returns every re-scoring job, oldest pointer revision first. */
    public List<JobCheckpoint> jobs() {
        return jobs.list(JobKind.RESCORE);
    }

    private JobCheckpoint startOrResume(long revision, String version) {
        String id = jobId(revision);
        Optional<JobCheckpoint> existing = jobs.find(JobKind.RESCORE, id);
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, String> details = new HashMap<>();
        details.put(CHAMPION_VERSION, version);
        OptionalLong undecided = cases.countUndecided();
        undecided.ifPresent(n -> details.put(UNDECIDED_AT_START, Long.toString(n)));
        JobCheckpoint first = JobCheckpoint.start(JobKind.RESCORE, id, details, clock.instant());
        if (jobs.start(first)) {
            return first;
        }
        return jobs.find(JobKind.RESCORE, id).orElseThrow(() -> new IllegalStateException(
                "Re-scoring job " + id + " could not be started, yet cannot be read."));
    }

    private void supersedeOlder(long revision) {
        for (JobCheckpoint old : jobs.list(JobKind.RESCORE)) {
            if (old.running() && old.jobId().compareTo(jobId(revision)) < 0) {
                // Losing this conditional put means another worker moved it on; it will notice the pointer itself.
                jobs.save(old.finish(JobStatus.SUPERSEDED, old.counts(), clock.instant()));
            }
        }
    }

    /** Re-scores one case, given its latest score's content; returns the count it falls under. */
    private String rescore(ApplicationCase c, String version, LazyScorer scorer, Optional<String> content) {
        if (version.equals(c.modelVersion())) {
            return ALREADY_CURRENT;
        }
        if (content.isEmpty()) {
            return WITHOUT_CONTENT;
        }
        StoredScore stored;
        try {
            LicenceApplication application = parser.parse(content.get());
            String hash = InputHash.of(application);
            long start = System.nanoTime();
            RiskScore score = scorer.get().score(application);
            long latencyMicros = (System.nanoTime() - start) / 1_000;
            stored = new StoredScore(c.applicationId(), ScoreIds.of(hash, score.modelVersion()), hash, score,
                    clock.instant().truncatedTo(ChronoUnit.MICROS), latencyMicros);
        } catch (IllegalArgumentException unparseableOrUnscorable) {
            // E.g. content valid under older reference data; the message may quote content, so it is not kept.
            return FAILED;
        }
        // The stored content is the canonical JSON the scoring path wrote, so it is stored again as it is.
        StoredScore winner = scores.insertIfAbsent(stored, content.get()).orElse(stored);
        cases.advanceLatest(winner);
        boolean decided = cases.find(c.applicationId()).map(ApplicationCase::decided).orElse(false);
        return decided ? DECIDED_MEANWHILE : RESCORED;
    }

    /** Loads the champion on first use, so that a job with nothing to re-score never fetches an artifact. */
    private final class LazyScorer {
        private final String version;
        private RiskScorer scorer;

        LazyScorer(String version) {
            this.version = version;
        }

        RiskScorer get() {
            if (scorer == null) {
                scorer = models.load(version);
            }
            return scorer;
        }
    }

    private static void add(Map<String, Long> counts, String name) {
        counts.merge(name, 1L, Long::sum);
    }
}
