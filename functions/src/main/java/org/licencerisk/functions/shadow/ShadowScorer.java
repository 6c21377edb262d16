package org.licencerisk.functions.shadow;

import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.models.ShadowModels;
import org.licencerisk.functions.scores.ShadowScoring;
import org.licencerisk.functions.scores.StoredScore;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.scoring.RiskScorer;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a new application with each loaded shadow model and stores each score by a conditional put, so that a
 * retried request never stores a second one. A failure (scoring or storage) is logged as {@code shadow_score_failed}
 * with the model, the primary score's id and the exception's class, never contents or messages, and the next model
 * goes on: nothing here can fail or change the primary response. Thread-safe.
 */
public final class ShadowScorer implements ShadowScoring {

    private final ShadowModels models;
    private final ShadowScoreRepository scores;
    private final Clock clock;
    private final StructuredLogger log;

    public ShadowScorer(ShadowModels models, ShadowScoreRepository scores, Clock clock, StructuredLogger log) {
        this.models = models;
        this.scores = scores;
        this.clock = clock;
        this.log = log;
    }

    @Override
    public void score(LicenceApplication application, StoredScore primary) {
        List<RiskScorer> shadows;
        try {
            shadows = models.current();
        } catch (RuntimeException e) {
            failed(null, primary, e);
            return;
        }
        for (RiskScorer shadow : shadows) {
            try {
                scores.insertIfAbsent(ShadowScore.of(shadow.score(application), primary,
                        clock.instant().truncatedTo(ChronoUnit.MICROS)));
            } catch (RuntimeException e) {
                failed(shadow.manifest().modelVersion(), primary, e);
            }
        }
    }

    private void failed(String modelVersion, StoredScore primary, RuntimeException e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("modelVersion", modelVersion);
        fields.put("primaryScoreId", primary.scoreId());
        fields.put("exception", e.getClass().getName());
        log.log(StructuredLogger.Level.WARN, null, "shadow_score_failed", fields);
    }
}
