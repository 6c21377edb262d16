package org.licencerisk.functions.scores;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.models.ChampionModel;
import org.licencerisk.functions.queue.ApplicationCase;
import org.licencerisk.functions.queue.CaseRepository;
import org.licencerisk.functions.screening.ApplicationScreening;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.InvalidApplicationException;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.scoring.RiskScore;
import org.licencerisk.model.scoring.RiskScorer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Validates, scores and stores licence applications, idempotently and without transactions.
 * <p>
 * Order of writes (docs/table-design.md): (1) the score item, by a conditional put on a key derived from the
 * content hash and the serving model's version ({@link ScoreIds}), so that of concurrent identical requests exactly
 * one stores it and a repeat stores nothing (its put
 * fails its condition and it returns the stored score); (2) the case item, by a conditional
 * update that only moves forward in time. A failure between the two leaves a complete score and a case that lags;
 * any retry of the same request (or any later score) completes it. The model is the registry's champion, followed
 * by {@link ChampionModel} without a redeploy; every score names the model version that produced it. Thread-safe.
 */
public final class ScoringService {

    /** At most this many applications scored by a previous champion are kept for re-scoring (about 2 KB each). */
    static final int MAX_SCORED_BY_PREVIOUS = 10_000;

    private final ApplicationParser parser = new ApplicationParser();
    private final ChampionModel champion;
    private final ScoreRepository scores;
    private final CaseRepository cases;
    private final Clock clock;
    private final AtomicBoolean registered = new AtomicBoolean();
    private final ShadowScoring shadows;
    /** Applications scored while a newer champion was loading: re-scored by it once it serves. */
    private final Queue<LicenceApplication> scoredByPrevious = new ConcurrentLinkedQueue<>();
    private final AtomicInteger scoredByPreviousCount = new AtomicInteger();
    private final StructuredLogger log;
    private final ApplicationScreening screening;

    /** A service whose new primary scores are also scored by the shadow models ({@code shadows}). */
    public ScoringService(ChampionModel champion, ScoreRepository scores,
                          CaseRepository cases, Clock clock, ShadowScoring shadows) {
        this(champion, scores, cases, clock, shadows, StructuredLogger.stdout());
    }

    /** The same, logging to {@code log}. */
    public ScoringService(ChampionModel champion, ScoreRepository scores,
                          CaseRepository cases, Clock clock, ShadowScoring shadows, StructuredLogger log) {
        this(champion, scores, cases, clock, shadows, log, ApplicationScreening.NONE);
    }

    /** The same, screening every application against the denial register ({@code screening}). */
    public ScoringService(ChampionModel champion, ScoreRepository scores,
                          CaseRepository cases, Clock clock, ShadowScoring shadows, StructuredLogger log,
                          ApplicationScreening screening) {
        this.screening = screening;
        this.shadows = shadows;
        this.champion = champion;
        this.scores = scores;
        this.cases = cases;
        this.clock = clock;
        this.log = log;
        champion.onChampionLoaded(this::rescoreScoredByPrevious);
    }

    /**
     * Scores the application in {@code body} and stores the score, or returns the stored score of identical content
     * by the same model.
     *
     * @throws InvalidApplicationException with every field problem, before anything is stored
     */
    public ScoringResult score(String body) {
        LicenceApplication application = parser.parse(body);
        String hash = InputHash.of(application);
        registerModel();
        RiskScorer scorer = champion.current();
        StoredScore stored = scoreWith(scorer, application, hash);
        Optional<StoredScore> winner = scores.insertIfAbsent(stored, contentOf(application));
        if (winner.isPresent()) {
            return repeat(winner.get());
        }
        cases.advanceLatest(stored);
        String version = stored.score().modelVersion();
        boolean pending = champion.pendingVersion().filter(v -> !v.equals(version)).isPresent();
        if ((pending || !version.equals(champion.serving().manifest().modelVersion()))
                && scoredByPreviousCount.incrementAndGet() <= MAX_SCORED_BY_PREVIOUS) {
            // Scored by the previous champion while the new one loads (this container was idle), or while the new one
            // was swapped in: re-scored once it serves, so that the application does not keep the old score behind
            // the re-scoring job's back.
            scoredByPrevious.add(application);
            RiskScorer now = champion.serving();
            if (!version.equals(now.manifest().modelVersion())) {
                // The load has finished (its re-scoring may have run before this application was added): now.
                rescoreScoredByPrevious(now);
            }
        }
        // Shadow mode: only after the primary score is stored, only for a new one; never throws.
        shadows.score(application, stored);
        return new ScoringResult(stored, true);
    }

    private StoredScore scoreWith(RiskScorer scorer, LicenceApplication application, String hash) {
        long start = System.nanoTime();
        ApplicationScreening.Screened screened = screening.screen(application, scorer.score(application));
        long latencyMicros = (System.nanoTime() - start) / 1_000;
        RiskScore score = screened.score();
        String scoreId = ScoreIds.of(hash, score.modelVersion(), screened.screening().registerVersion());
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        return new StoredScore(application.applicationId(), scoreId, hash, score, now, latencyMicros,
                screened.screening());
    }

    /**
     * Re-scores the remembered applications with {@code next}, which serves now: on the champion loader's thread once it
     * has swapped {@code next} in, or on a request's thread that remembered one just after. Never throws; logs counts only.
     */
    private void rescoreScoredByPrevious(RiskScorer next) {
        int rescored = 0;
        int failed = 0;
        LicenceApplication application;
        while ((application = scoredByPrevious.poll()) != null) {
            try {
                String hash = InputHash.of(application);
                StoredScore stored = scoreWith(next, application, hash);
                cases.advanceLatest(scores.insertIfAbsent(stored, contentOf(application)).orElse(stored));
                rescored++;
            } catch (RuntimeException e) {
                failed++;
            }
        }
        int dropped = Math.max(0, scoredByPreviousCount.getAndSet(0) - MAX_SCORED_BY_PREVIOUS);
        if (rescored + failed + dropped > 0) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("modelVersion", next.manifest().modelVersion());
            fields.put("rescored", rescored);
            fields.put("failed", failed);
            fields.put("overflow", dropped);
            log.log(failed + dropped > 0 ? StructuredLogger.Level.WARN : StructuredLogger.Level.INFO, null,
                    "scored_by_previous_rescored", fields);
        }
    }

    /**
     * Registers the deployment package's model once per container (the priming hook calls this before the snapshot).
     * It serves while the registry has no champion pointer; the scoring function never writes the pointer.
     */
    public void registerModel() {
        if (!registered.get()) {
            champion.registerBundled(clock.instant());
            registered.set(true);
        }
    }

    /** Returns the model this service scores with now (without checking the pointer). */
    public RiskScorer scorer() {
        return champion.serving();
    }

    private static String contentOf(LicenceApplication application) {
        try {
            return Json.mapper().writeValueAsString(application);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A parsed application could not be serialised.", e);
        }
    }

    private ScoringResult repeat(StoredScore stored) {
        // Complete a case update that an earlier request may have left undone; writes nothing when it was done.
        Optional<ApplicationCase> current = cases.find(stored.applicationId());
        if (current.isEmpty() || current.get().latestScoredKey().compareTo(stored.scoredKey()) < 0) {
            cases.advanceLatest(stored);
        }
        return new ScoringResult(stored, false);
    }
}
