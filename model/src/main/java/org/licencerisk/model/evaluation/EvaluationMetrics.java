package org.licencerisk.model.evaluation;

import java.util.List;
import java.util.Map;

/**
 * How well a model ranks and calibrates refusal risk on one labelled period.
 *
 * @param count            labelled applications evaluated
 * @param refusals         how many of them were refused
 * @param baseRate         the refusal share
 * @param rocAuc           area under the ROC curve
 * @param averagePrecision average precision (area under the precision-recall curve, step-wise)
 * @param recallAtTop5     share of refusals among the top 5% of scores
 * @param recallAtTop10    share of refusals among the top 10% of scores
 * @param recallAtTop20    share of refusals among the top 20% of scores
 * @param brier            Brier score (mean squared error of the probabilities)
 * @param calibration      ten equal-width bins
 * @param confusion        the confusion matrix at each band threshold, keyed {@code MEDIUM} and {@code HIGH}
 */
public record EvaluationMetrics(int count, int refusals, double baseRate, double rocAuc, double averagePrecision,
                                double recallAtTop5, double recallAtTop10, double recallAtTop20, double brier,
                                List<CalibrationBin> calibration, Map<String, ConfusionMatrix> confusion) {

    public EvaluationMetrics {
        calibration = List.copyOf(calibration);
        confusion = Map.copyOf(confusion);
    }
}
