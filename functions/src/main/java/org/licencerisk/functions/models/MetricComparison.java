package org.licencerisk.functions.models;

/**
 * The promotion gate's numbers: the challenger may be at most {@code tolerance} worse than the champion on average
 * precision.
 *
 * @param metric                     always {@code averagePrecision}
 * @param basis                      what the numbers were measured on: {@code same-held-out-period} (both models
 *                                   scored on the same decisions when the challenger was retrained) or
 *                                   {@code manifest-test-periods} (each model's own held-out period from its
 *                                   manifest)
 * @param challengerAveragePrecision the challenger's average precision
 * @param championAveragePrecision   the champion's average precision
 * @param tolerance                  the configured tolerance
 * @param passed                     whether the challenger passed the gate
 */
public record MetricComparison(String metric, String basis, double challengerAveragePrecision,
                               double championAveragePrecision, double tolerance, boolean passed) {

    /** The agreed metric. */
    public static final String AVERAGE_PRECISION = "averagePrecision";
    /** Each model's metrics from its own manifest. */
    public static final String MANIFEST_BASIS = "manifest-test-periods";
    /** Both models on the same held-out period, measured when the challenger was retrained. */
    public static final String SAME_PERIOD_BASIS = "same-held-out-period";

    /** Compares two average precisions from the manifests. */
    public static MetricComparison of(double challenger, double champion, double tolerance) {
        return of(MANIFEST_BASIS, challenger, champion, tolerance);
    }

    /** Compares two average precisions measured on {@code basis}. */
    public static MetricComparison of(String basis, double challenger, double champion, double tolerance) {
        return new MetricComparison(AVERAGE_PRECISION, basis, challenger, champion, tolerance,
                challenger >= champion - tolerance);
    }
}
