package org.licencerisk.functions.queue;

import org.licencerisk.model.scoring.RiskBand;

import java.time.Instant;

/**
 * The state of one application: its latest score and its decision, if any.
 *
 * @param applicationId    the application
 * @param scoreId          the latest score's id
 * @param riskScore        the latest score
 * @param riskBand         the latest score's band
 * @param modelVersion     the model of the latest score
 * @param scoredAt         when the latest score was made
 * @param latestScoredKey  the latest score's history key (fixed-width time and id), which orders scores
 * @param decisionRevision the revision of the current decision, 0 when undecided
 */
public record ApplicationCase(String applicationId, String scoreId, double riskScore, RiskBand riskBand,
                              String modelVersion, Instant scoredAt, String latestScoredKey, int decisionRevision) {

    /** Whether an officer has decided the application. */
    public boolean decided() {
        return decisionRevision > 0;
    }
}
