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
 * @param expectedCalibrationError the expected calibration error over ten equal-count bins: the count-weighted mean
 *                         of |mean score − refusal rate| ({@code null} in metrics written before it was measured)
 * @param reliability      the ten equal-count bins of the reliability diagram (empty in older metrics)
 */
public record EvaluationMetrics(int count, int refusals, double baseRate, double rocAuc, double averagePrecision,
                                double recallAtTop5, double recallAtTop10, double recallAtTop20, double brier,
                                List<CalibrationBin> calibration, Map<String, ConfusionMatrix> confusion,
                                Double expectedCalibrationError, List<ReliabilityBin> reliability) {

    public EvaluationMetrics {
        calibration = List.copyOf(calibration);
        confusion = Map.copyOf(confusion);
        reliability = reliability == null ? List.of() : List.copyOf(reliability);
    }
}
