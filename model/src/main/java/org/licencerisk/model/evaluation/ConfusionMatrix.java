package org.licencerisk.model.evaluation;

/**
 * Counts at one threshold: applications at or above it are flagged.
 *
 * @param threshold      the score threshold
 * @param truePositives  refused and flagged
 * @param falsePositives approved and flagged
 * @param trueNegatives  approved and not flagged
 * @param falseNegatives refused and not flagged
 */
public record ConfusionMatrix(double threshold, int truePositives, int falsePositives, int trueNegatives,
                              int falseNegatives) {
}
