package org.licencerisk.functions.decisions;

/**
 * The outcome of recording a decision.
 *
 * @param decision the decision now in force
 * @param created  whether this request recorded it ({@code false}: the same decision was already recorded)
 */
public record DecisionResult(OfficerDecision decision, boolean created) {
}
