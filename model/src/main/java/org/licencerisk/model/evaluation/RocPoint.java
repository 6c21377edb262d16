package org.licencerisk.model.evaluation;

/**
 * One point of a ROC curve: what flagging every application scored at or above {@code threshold} achieves.
 *
 * @param threshold         the score threshold ({@code Infinity} for the first point, where nothing is flagged)
 * @param falsePositiveRate the share of approved applications flagged
 * @param truePositiveRate  the share of refused applications flagged (recall)
 */
public record RocPoint(double threshold, double falsePositiveRate, double truePositiveRate) {
}
