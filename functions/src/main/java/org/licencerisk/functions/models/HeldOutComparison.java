package org.licencerisk.functions.models;

import org.licencerisk.model.evaluation.EvaluationMetrics;

import java.time.Instant;

/**
 * A challenger and the champion of the time, evaluated on exactly the same labelled decisions of the newest
 * held-out period when the challenger was retrained.
 *
 * @param championVersion the champion when the challenger was trained, or {@code null} when there was none
 * @param periodFrom      the first decision time of the held-out period (its split date)
 * @param periodTo        the last decision time of the held-out period
 * @param count           labelled decisions in the period
 * @param refusals        refusals among them
 * @param challenger      the challenger's metrics on the period
 * @param champion        the champion's metrics on the same period, or {@code null} when it could not be scored
 * @param championNote    why the champion has no metrics, or {@code null} when it has
 */
public record HeldOutComparison(String championVersion, Instant periodFrom, Instant periodTo, int count, int refusals,
                                PeriodMetrics challenger, PeriodMetrics champion, String championNote) {

    /**
     * One model's metrics on the period.
     *
     * @param averagePrecision average precision (the promotion gate's metric)
     * @param rocAuc           area under the ROC curve
     * @param recallAtTop10    share of refusals among the top 10% of scores
     * @param brier            Brier score
     */
    public record PeriodMetrics(double averagePrecision, double rocAuc, double recallAtTop10, double brier) {

        /** The comparison's subset of full metrics. */
        public static PeriodMetrics of(EvaluationMetrics m) {
            return new PeriodMetrics(m.averagePrecision(), m.rocAuc(), m.recallAtTop10(), m.brier());
        }
    }

    /** Whether this comparison can decide a promotion over {@code championVersion}. */
    public boolean against(String currentChampion) {
        return champion != null && championVersion != null && championVersion.equals(currentChampion);
    }
}
