package org.licencerisk.model.evaluation;

/**
 * One point of a precision–recall curve: what flagging every application scored at or above {@code threshold}
 * achieves.
 *
 * @param threshold the score threshold
 * @param recall    the share of refused applications flagged
 * @param precision the share of flagged applications that were refused
 */
public record PrecisionRecallPoint(double threshold, double recall, double precision) {
}
