package org.licencerisk.model.scoring;

/**
 * One reason behind a score: a feature's exact contribution to the model's log-odds of refusal.
 *
 * @param feature      the model feature, e.g. {@code destinationCountry=IR}
 * @param contribution its contribution to the log-odds of refusal (positive raises the risk)
 * @param sentence     what it means, in words an officer understands
 */
public record Factor(String feature, double contribution, String sentence) {
}
