package org.licencerisk.model.evaluation;

/**
 * One model's evaluation on one labelled period: written as {@code metrics.json} and rendered as
 * {@code report.html} by {@link EvaluationReportWriter}, and compared with another by {@link ReportComparison}.
 *
 * @param context what was evaluated, and on which period
 * @param metrics the metrics
 * @param curves  the ROC and precision–recall curves, downsampled for plotting
 */
public record EvaluationReport(EvaluationContext context, EvaluationMetrics metrics, PerformanceCurves curves) {

    public EvaluationReport {
        String missing = context == null ? "context" : metrics == null ? "metrics" : curves == null ? "curves" : null;
        if (missing != null) {
            throw new IllegalArgumentException("An evaluation report needs its context, metrics and curves, found no "
                    + missing + ".");
        }
    }
}
