package org.licencerisk.functions.scores;

import org.licencerisk.model.application.LicenceApplication;

/**
 * What happens after a new primary score is stored: the shadow models score the same application and their scores
 * are stored apart (see {@code shadow.ShadowScorer}). An implementation never throws and never changes the primary
 * score; the scoring service calls it only for a request that stored a new primary score, not for repeats.
 */
@FunctionalInterface
public interface ShadowScoring {

    /** No shadow models: scores nothing. */
    ShadowScoring NONE = (application, primary) -> {
    };

    /** Scores {@code application} with every shadow model and stores each score; failures are logged, not thrown. */
    void score(LicenceApplication application, StoredScore primary);
}
