package org.licencerisk.model.evaluation;

import org.licencerisk.model.scoring.BandThresholds;
import org.licencerisk.model.scoring.RiskBand;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures how well calibrated refusal-risk scores order the officers' queue on one labelled period: ROC-AUC,
 * average precision, the share of refusals in the top 5%, 10% and 20% of the queue, the Brier score, ten
 * calibration bins, and the confusion matrices at the MEDIUM and HIGH band thresholds.
 * <p>
 * Ties: applications with equal scores are never split by input order. ROC-AUC counts a tied (refused, approved)
 * pair as one half (Mann–Whitney with average ranks); average precision lets tied applications enter together
 * (as scikit-learn does); recall in the top k shares the refusals of a tied group cut by k in proportion to the
 * places left, the expected recall if tied applications were queued in random order.
 * <p>
 * A period without refusals, or without approvals, has no ROC-AUC or average precision: it is rejected with an
 * {@link IllegalArgumentException} naming the period, never reported as NaN.
 * <p>
 * Runs in O(n log n) time; stateless and thread-safe.
 */
public final class RiskEvaluator {

    /** The number of equal-width calibration bins. */
    public static final int CALIBRATION_BINS = 10;

    /** The most points a report keeps of each curve. */
    public static final int MAX_CURVE_POINTS = 200;

    private static final String UNNAMED_PERIOD = "The evaluation data";

    /**
     * Computes the metrics of scores against outcomes.
     *
     * @param scores     calibrated probabilities of refusal, each in [0, 1]
     * @param refused    {@code true} where the application was refused, {@code false} where it was approved
     * @param thresholds the band thresholds the confusion matrices are taken at
     * @return the metrics
     * @throws IllegalArgumentException on missing, empty or unequal-length arrays, a score outside [0, 1] or NaN,
     *                                  or data without both refusals and approvals
     */
    public EvaluationMetrics evaluate(double[] scores, boolean[] refused, BandThresholds thresholds) {
        validate(UNNAMED_PERIOD, scores, refused, thresholds);
        return metrics(RankedScores.of(scores, refused), scores, refused, thresholds);
    }

    /**
     * Computes the metrics and downsampled curves of scores against outcomes, with the context that identifies
     * them. Error messages name the context's period.
     *
     * @throws IllegalArgumentException as {@link #evaluate(double[], boolean[], BandThresholds)}, or on a missing
     *                                  context
     */
    public EvaluationReport report(EvaluationContext context, double[] scores, boolean[] refused,
                                   BandThresholds thresholds) {
        if (context == null) {
            throw new IllegalArgumentException("An evaluation report needs a context naming the model and period, "
                    + "found none.");
        }
        validate("The test period " + context.period(), scores, refused, thresholds);
        RankedScores ranked = RankedScores.of(scores, refused);
        return new EvaluationReport(context, metrics(ranked, scores, refused, thresholds),
                ranked.curves().downsampled(MAX_CURVE_POINTS));
    }

    /**
     * Returns the full ROC and precision–recall curves, one point per distinct score.
     *
     * @throws IllegalArgumentException on the inputs {@link #evaluate(double[], boolean[], BandThresholds)} rejects
     */
    public PerformanceCurves curves(double[] scores, boolean[] refused) {
        validate(UNNAMED_PERIOD, scores, refused);
        return RankedScores.of(scores, refused).curves();
    }

    private static EvaluationMetrics metrics(RankedScores ranked, double[] scores, boolean[] refused,
                                             BandThresholds thresholds) {
        int n = scores.length;
        List<ReliabilityBin> reliability = reliability(scores, refused);
        double squaredErrors = 0;
        for (int i = 0; i < n; i++) {
            double error = scores[i] - (refused[i] ? 1.0 : 0.0);
            squaredErrors += error * error;
        }
        return new EvaluationMetrics(n, ranked.refusals(), (double) ranked.refusals() / n, ranked.rocAuc(),
                ranked.averagePrecision(), ranked.recallAtTopPercent(5), ranked.recallAtTopPercent(10),
                ranked.recallAtTopPercent(20), squaredErrors / n, calibration(scores, refused),
                Map.of(RiskBand.MEDIUM.name(), confusion(scores, refused, thresholds.medium()),
                        RiskBand.HIGH.name(), confusion(scores, refused, thresholds.high())),
                expectedCalibrationError(reliability), reliability);
    }

    /**
     * Returns the ten equal-count bins of a reliability diagram: applications sorted by score (ties approved
     * first, so the bins never depend on input order) and cut into tenths, the first bins one larger when the
     * count does not divide by ten.
     */
    static List<ReliabilityBin> reliability(double[] scores, boolean[] refused) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, java.util.Comparator.<Integer>comparingDouble(i -> scores[i])
                .thenComparing(i -> refused[i]));
        List<ReliabilityBin> bins = new ArrayList<>(CALIBRATION_BINS);
        int start = 0;
        for (int b = 0; b < CALIBRATION_BINS && start < n; b++) {
            int size = n / CALIBRATION_BINS + (b < n % CALIBRATION_BINS ? 1 : 0);
            if (size == 0) {
                continue;
            }
            double sum = 0;
            int refusals = 0;
            for (int k = start; k < start + size; k++) {
                sum += scores[order[k]];
                refusals += refused[order[k]] ? 1 : 0;
            }
            bins.add(new ReliabilityBin(size, scores[order[start]], scores[order[start + size - 1]], sum / size,
                    refusals / (double) size));
            start += size;
        }
        return bins;
    }

    /** Returns the count-weighted mean gap between mean score and refusal rate over reliability bins. */
    static double expectedCalibrationError(List<ReliabilityBin> bins) {
        long total = 0;
        double sum = 0;
        for (ReliabilityBin b : bins) {
            total += b.count();
            sum += b.count() * Math.abs(b.meanScore() - b.refusalRate());
        }
        return sum / total;
    }

    /** Returns the expected calibration error (ten equal-count bins) of scores against outcomes. */
    public double expectedCalibrationError(double[] scores, boolean[] refused) {
        validate(UNNAMED_PERIOD, scores, refused);
        return expectedCalibrationError(reliability(scores, refused));
    }

    /**
     * Returns the calibration bin of a score in [0, 1]: bin {@code i} holds scores from {@code i / 10} (inclusive)
     * to {@code (i + 1) / 10} (exclusive), and 1.0 falls in the last bin. Bounds are compared as the doubles the
     * bins report, so a score of exactly 0.3 lands in the bin whose lower bound is 0.3.
     */
    static int calibrationBin(double score) {
        int bin = Math.min((int) (score * CALIBRATION_BINS), CALIBRATION_BINS - 1);
        if (score < lowerBound(bin)) {
            bin--;
        } else if (bin < CALIBRATION_BINS - 1 && score >= lowerBound(bin + 1)) {
            bin++;
        }
        return bin;
    }

    private static double lowerBound(int bin) {
        return bin / (double) CALIBRATION_BINS;
    }

    private static List<CalibrationBin> calibration(double[] scores, boolean[] refused) {
        int[] counts = new int[CALIBRATION_BINS];
        int[] refusals = new int[CALIBRATION_BINS];
        double[] scoreSums = new double[CALIBRATION_BINS];
        for (int i = 0; i < scores.length; i++) {
            int bin = calibrationBin(scores[i]);
            counts[bin]++;
            scoreSums[bin] += scores[i];
            if (refused[i]) {
                refusals[bin]++;
            }
        }
        List<CalibrationBin> bins = new ArrayList<>(CALIBRATION_BINS);
        for (int b = 0; b < CALIBRATION_BINS; b++) {
            boolean empty = counts[b] == 0;
            bins.add(new CalibrationBin(lowerBound(b), lowerBound(b + 1), counts[b],
                    empty ? Double.NaN : scoreSums[b] / counts[b],
                    empty ? Double.NaN : (double) refusals[b] / counts[b]));
        }
        return bins;
    }

    private static ConfusionMatrix confusion(double[] scores, boolean[] refused, double threshold) {
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean flagged = scores[i] >= threshold;
            if (refused[i]) {
                if (flagged) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (flagged) {
                fp++;
            } else {
                tn++;
            }
        }
        return new ConfusionMatrix(threshold, tp, fp, tn, fn);
    }

    private static void validate(String period, double[] scores, boolean[] refused, BandThresholds thresholds) {
        if (thresholds == null) {
            throw new IllegalArgumentException("Evaluation needs the band thresholds to take confusion matrices at, "
                    + "found none.");
        }
        validate(period, scores, refused);
    }

    private static void validate(String period, double[] scores, boolean[] refused) {
        if (scores == null || refused == null) {
            throw new IllegalArgumentException("Evaluation needs both the scores and the outcomes, found "
                    + (scores == null ? "no scores" : "no outcomes") + ".");
        }
        if (scores.length != refused.length) {
            throw new IllegalArgumentException("Evaluation needs one outcome per score, found " + scores.length
                    + " scores and " + refused.length + " outcomes.");
        }
        if (scores.length == 0) {
            throw new IllegalArgumentException(period + " has no labelled applications to evaluate on.");
        }
        int refusals = 0;
        for (int i = 0; i < scores.length; i++) {
            double s = scores[i];
            if (!(s >= 0.0 && s <= 1.0)) {
                throw new IllegalArgumentException("Scores must be probabilities in [0, 1], found " + s
                        + " at index " + i + ".");
            }
            if (refused[i]) {
                refusals++;
            }
        }
        if (refusals == 0 || refusals == scores.length) {
            throw new IllegalArgumentException(period + " has " + scores.length + " labelled applications and "
                    + (refusals == 0 ? "no refusals" : "no approvals") + ", so ROC-AUC and average precision are "
                    + "undefined; evaluate on a period with both refused and approved applications.");
        }
    }
}
