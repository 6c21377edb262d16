package org.licencerisk.functions.decisions;

import org.licencerisk.model.scoring.RiskBand;

import java.time.Instant;
import java.util.List;

/**
 * A recorded decision; revision 1 is the first, each explicit revision adds one and the earlier ones are kept.
 *
 * @param applicationId the application
 * @param revision      1 for the first decision, then 2, 3, ...
 * @param outcome       what was decided
 * @param criteria      the criteria it rests on
 * @param rationale     the officer's reasoning; confidential, never logged
 * @param decidedBy     the deciding officer: the subject of the token that recorded it, never a name from the body
 * @param scoreId       the score the decision was made against (the latest when it was recorded)
 * @param riskScore     that score's value
 * @param riskBand      that score's band
 * @param decidedAt     when it was recorded
 */
public record OfficerDecision(String applicationId, int revision, DecisionOutcome outcome, List<String> criteria,
                              String rationale, String decidedBy, String scoreId, double riskScore,
                              RiskBand riskBand, Instant decidedAt) {

    public OfficerDecision {
        criteria = List.copyOf(criteria);
    }
}
