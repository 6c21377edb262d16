package org.licencerisk.model.evaluation;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One row of the metrics tables of the report and the comparison, with what a score carrying no information would
 * achieve on the same data.
 *
 * @param name           the metric's name as officers and data scientists read it
 * @param value          reads the metric
 * @param higherIsBetter whether a higher value is better
 * @param uninformed     what a random ranking (or, for the Brier score, always forecasting the base rate) achieves
 * @param meaning        one sentence on what the metric says
 */
record HeadlineMetric(String name, ToDoubleFunction<EvaluationMetrics> value, boolean higherIsBetter,
                      ToDoubleFunction<EvaluationMetrics> uninformed, String meaning) {

    /** The metrics in the order they are shown: the top of the queue first. */
    static final List<HeadlineMetric> ALL = List.of(
            new HeadlineMetric("Recall in top 10%", EvaluationMetrics::recallAtTop10, true, m -> 0.10,
                    "Share of the eventual refusals found by reviewing the 10% highest-scored applications."),
            new HeadlineMetric("Recall in top 5%", EvaluationMetrics::recallAtTop5, true, m -> 0.05,
                    "Share of the eventual refusals among the 5% highest-scored applications."),
            new HeadlineMetric("Recall in top 20%", EvaluationMetrics::recallAtTop20, true, m -> 0.20,
                    "Share of the eventual refusals among the 20% highest-scored applications."),
            new HeadlineMetric("ROC-AUC", EvaluationMetrics::rocAuc, true, m -> 0.5,
                    "Chance that a refused application scores above an approved one (ties count half)."),
            new HeadlineMetric("Average precision", EvaluationMetrics::averagePrecision, true,
                    EvaluationMetrics::baseRate,
                    "Precision averaged over the refusals as the queue is worked down (step-wise)."),
            new HeadlineMetric("Brier score", EvaluationMetrics::brier, false, m -> m.baseRate() * (1 - m.baseRate()),
                    "Mean squared error of the scores as probabilities; lower is better."),
            new HeadlineMetric("Expected calibration error", m -> m.expectedCalibrationError() == null ? Double.NaN
                    : m.expectedCalibrationError(), false, m -> Double.NaN,
                    "Mean gap between score and refusal rate over ten equal-count bins; lower is better."));

    /** Returns the metric's value. */
    double of(EvaluationMetrics metrics) {
        return value.applyAsDouble(metrics);
    }
}
