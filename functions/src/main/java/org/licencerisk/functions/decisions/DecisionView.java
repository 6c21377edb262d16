package org.licencerisk.functions.decisions;

import org.licencerisk.model.scoring.RiskBand;

import java.time.Instant;
import java.util.List;

/**
 * A decision as the API returns it (schema {@code Decision} in {@code openapi.yaml}).
 *
 * @param applicationId the application
 * @param revision      1 for the first decision, higher for explicit revisions
 * @param outcome       what was decided
 * @param criteria      the criteria it rests on
 * @param rationale     the officer's reasoning
 * @param decidedBy     the deciding officer: the subject of the token that recorded it
 * @param scoreId       the score it was made against
 * @param riskScore     that score's value
 * @param riskBand      that score's band
 * @param decidedAt     when it was recorded
 */
public record DecisionView(String applicationId, int revision, DecisionOutcome outcome, List<String> criteria,
                           String rationale, String decidedBy, String scoreId, double riskScore, RiskBand riskBand,
                           Instant decidedAt) {

    /** The view of a decision. */
    public static DecisionView of(OfficerDecision d) {
        return new DecisionView(d.applicationId(), d.revision(), d.outcome(), d.criteria(), d.rationale(),
                d.decidedBy(), d.scoreId(), d.riskScore(), d.riskBand(), d.decidedAt());
    }
}
