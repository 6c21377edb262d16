package org.licencerisk.model.training;

import org.licencerisk.model.data.DecisionRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The weight of each training decision: recency times class.
 * <ul>
 *     <li><b>Recency</b>: a decision {@code d} days older than the newest one weighs {@code 0.5^(d / halfLife)},
 *     so a policy change reaches the model without throwing history away (a half-life of 0 weighs all alike).</li>
 *     <li><b>Class</b>: refusals are then scaled so both classes carry the same total weight, keeping a rare
 *     refusal from being drowned by approvals whatever the recency weighting.</li>
 * </ul>
 * Weights are normalised so approvals keep their recency weights as they are.
 */
public final class TrainingWeights {

    private static final double DAY_SECONDS = Duration.ofDays(1).toSeconds();

    private TrainingWeights() {
    }

    /** Returns the recency weight of a decision taken at {@code decidedAt} when the newest is at {@code newest}. */
    public static double recency(Instant decidedAt, Instant newest, double halfLifeDays) {
        if (halfLifeDays == 0) {
            return 1.0;
        }
        double ageDays = Math.max(0, Duration.between(decidedAt, newest).toSeconds()) / DAY_SECONDS;
        return Math.pow(0.5, ageDays / halfLifeDays);
    }

    /**
     * Returns the weight of each labelled decision, in order.
     *
     * @param records      labelled decisions, oldest first, with both refusals and approvals
     * @param halfLifeDays the recency half-life in days, or 0 for none
     */
    public static double[] of(List<DecisionRecord> records, double halfLifeDays) {
        Instant newest = records.get(records.size() - 1).decidedAt();
        double[] w = new double[records.size()];
        double refusedTotal = 0;
        double approvedTotal = 0;
        for (int i = 0; i < w.length; i++) {
            DecisionRecord r = records.get(i);
            w[i] = recency(r.decidedAt(), newest, halfLifeDays);
            if (r.refused()) {
                refusedTotal += w[i];
            } else {
                approvedTotal += w[i];
            }
        }
        if (refusedTotal == 0 || approvedTotal == 0) {
            throw new IllegalArgumentException("Weights need both refusals and approvals, found "
                    + (refusedTotal == 0 ? "no refusals" : "no approvals") + ".");
        }
        double refusalScale = approvedTotal / refusedTotal;
        for (int i = 0; i < w.length; i++) {
            if (records.get(i).refused()) {
                w[i] *= refusalScale;
            }
        }
        return w;
    }
}
