package org.licencerisk.functions.decisions;

import java.time.Instant;

/**
 * What one decision revision decided and when, and the score it was made against: the part of a decision item that
 * batch jobs (training export, drift report) need. Holds no rationale, criteria or officer.
 *
 * @param outcome   what was decided
 * @param decidedAt when it was recorded
 * @param scoreId   the score it was made against
 */
public record RecordedOutcome(DecisionOutcome outcome, Instant decidedAt, String scoreId) {
}
