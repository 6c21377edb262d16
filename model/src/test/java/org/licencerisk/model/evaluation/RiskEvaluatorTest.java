package org.licencerisk.model.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.licencerisk.model.scoring.BandThresholds;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RiskEvaluatorTest {

    private static final double EPS = 1e-12;
    private static final BandThresholds THRESHOLDS = new BandThresholds(0.6, 0.8, 0.2, 0.5);
    private final RiskEvaluator evaluator = new RiskEvaluator();

    // Ties across labels at 0.8 and 0.6. P = 3 refusals, N = 5 approvals, n = 8.
    private static final double[] TIED_SCORES = {0.9, 0.8, 0.8, 0.6, 0.6, 0.6, 0.3, 0.1};
    private static final boolean[] TIED_REFUSED = {true, false, true, true, false, false, false, false};

    // Ten applications, P = 4, N = 6, ties at 0.7 and 0.5.
    private static final double[] MIXED_SCORES = {0.35, 0.7, 0.2, 0.7, 0.05, 0.5, 0.5, 0.95, 0.1, 0.5};
    private static final boolean[] MIXED_REFUSED = {false, true, false, false, false, true, false, true, true, false};

    @Test
    void rocAucCountsTiedPairsAsOneHalf() {
        // Refusal at 0.9 outranks all 5 approvals: 5.
        // Refusal at 0.8 outranks 4 approvals (0.6, 0.6, 0.3, 0.1) and ties 1 (0.8): 4 + 0.5 = 4.5.
        // Refusal at 0.6 outranks 2 approvals (0.3, 0.1) and ties 2 (0.6, 0.6): 2 + 1 = 3.
        // AUC = (5 + 4.5 + 3) / (3 * 5) = 12.5 / 15 = 0.8333...; scikit-learn roc_auc_score: 0.8333333333333333.
        EvaluationMetrics m = evaluator.evaluate(TIED_SCORES, TIED_REFUSED, THRESHOLDS);
        assertEquals(12.5 / 15, m.rocAuc(), EPS);
        // 0.95: 6; 0.7: 5 + 0.5; 0.5: 3 + 2 * 0.5; 0.1: 1.
        // (6 + 5.5 + 4 + 1) / 24 = 16.5 / 24 = 0.6875 (sklearn 0.6875).
        assertEquals(0.6875, evaluator.evaluate(MIXED_SCORES, MIXED_REFUSED, THRESHOLDS).rocAuc(), EPS);
    }

    @Test
    void averagePrecisionLetsTiedApplicationsEnterTogether() {
        // Thresholds, highest first, with (refusals so far, flagged so far):
        // 0.9 (1, 1): precision 1,   recall 1/3 -> 1/3 * 1
        // 0.8 (2, 3): precision 2/3, recall 2/3 -> 1/3 * 2/3 = 2/9
        // 0.6 (3, 6): precision 1/2, recall 1   -> 1/3 * 1/2 = 1/6
        // AP = 6/18 + 4/18 + 3/18 = 13/18 = 0.7222...; scikit-learn average_precision_score: 0.7222222222222222.
        assertEquals(13.0 / 18, evaluator.evaluate(TIED_SCORES, TIED_REFUSED, THRESHOLDS).averagePrecision(), EPS);
        // 0.95 (1,1): 1/4 * 1; 0.7 (2,3): 1/4 * 2/3; 0.5 (3,6): 1/4 * 1/2; 0.1 (4,9): 1/4 * 4/9.
        // AP = 18/72 + 12/72 + 9/72 + 8/72 = 47/72 = 0.65277...; scikit-learn: 0.6527777777777778.
        assertEquals(47.0 / 72, evaluator.evaluate(MIXED_SCORES, MIXED_REFUSED, THRESHOLDS).averagePrecision(), EPS);
    }

    @Test
    void perfectRankingScoresOneAndInvertedRankingScoresZero() {
        double[] scores = {0.9, 0.7, 0.4, 0.2};
        EvaluationMetrics perfect = evaluator.evaluate(scores, new boolean[]{true, true, false, false}, THRESHOLDS);
        assertEquals(1.0, perfect.rocAuc(), EPS);
        assertEquals(1.0, perfect.averagePrecision(), EPS);
        EvaluationMetrics inverted = evaluator.evaluate(scores, new boolean[]{false, false, true, true}, THRESHOLDS);
        assertEquals(0.0, inverted.rocAuc(), EPS);
        // 0.4 (1 of 3 flagged): 1/2 * 1/3; 0.2 (2 of 4): 1/2 * 1/2.
        // AP = 1/6 + 1/4 = 5/12 (sklearn 0.41666666666666663).
        assertEquals(5.0 / 12, inverted.averagePrecision(), EPS);
    }

    @Test
    void constantScoresRankNoBetterThanChance() {
        double[] scores = {0.5, 0.5, 0.5, 0.5};
        EvaluationMetrics m = evaluator.evaluate(scores, new boolean[]{true, false, false, false}, THRESHOLDS);
        // Every pair tied: AUC 0.5. One threshold flags all: precision 1/4, recall 1, AP 1/4 (sklearn 0.5, 0.25).
        assertEquals(0.5, m.rocAuc(), EPS);
        assertEquals(0.25, m.averagePrecision(), EPS);
        // Top 20% of 4 is ceil(0.8) = 1 place among 4 tied: 1 refusal * 1/4 expected.
        assertEquals(0.25, m.recallAtTop20(), EPS);
    }

    @Test
    void recallAtTopSharesTiedGroupsCutByTheQueueLimit() {
        EvaluationMetrics m = evaluator.evaluate(MIXED_SCORES, MIXED_REFUSED, THRESHOLDS);
        // n = 10. Top 5%: k = ceil(0.5) = 1 -> the 0.95 refusal: 1/4.
        assertEquals(0.25, m.recallAtTop5(), EPS);
        // Top 10%: k = ceil(1.0) = 1 -> 1/4.
        assertEquals(0.25, m.recallAtTop10(), EPS);
        // Top 20%: k = 2 -> the 0.95 refusal, then 1 of the 2 places of the 0.7 group (1 refusal):
        // 1 + 1/2 = 1.5 refusals found -> 1.5/4.
        assertEquals(0.375, m.recallAtTop20(), EPS);
    }

    @Test
    void recallAtTopUsesExactCeilingOfTheShare() {
        // n = 30: top 10% is exactly 3 applications (0.1 * 30 in floating point is 3.0000000000000004, not 4).
        double[] scores = new double[30];
        boolean[] refused = new boolean[30];
        for (int i = 0; i < 30; i++) {
            scores[i] = (30 - i) / 31.0;
            refused[i] = i < 6;
        }
        EvaluationMetrics m = evaluator.evaluate(scores, refused, THRESHOLDS);
        assertEquals(3.0 / 6, m.recallAtTop10(), EPS); // 3 of the 6 refusals in the top 3 places
        assertEquals(2.0 / 6, m.recallAtTop5(), EPS); // ceil(1.5) = 2 places
        assertEquals(1.0, m.recallAtTop20(), EPS); // 6 places hold all 6 refusals
    }

    @Test
    void brierIsTheMeanSquaredErrorOfTheProbabilities() {
        // (0.1^2 + 0.8^2 + 0.2^2 + 0.4^2 + 0.6^2 + 0.6^2 + 0.3^2 + 0.1^2) / 8
        // = (0.01 + 0.64 + 0.04 + 0.16 + 0.36 + 0.36 + 0.09 + 0.01) / 8 = 1.67 / 8
        // = 0.20875 (sklearn brier_score_loss).
        assertEquals(0.20875, evaluator.evaluate(TIED_SCORES, TIED_REFUSED, THRESHOLDS).brier(), EPS);
    }

    @Test
    void countsAndBaseRate() {
        EvaluationMetrics m = evaluator.evaluate(TIED_SCORES, TIED_REFUSED, THRESHOLDS);
        assertEquals(8, m.count());
        assertEquals(3, m.refusals());
        assertEquals(3.0 / 8, m.baseRate(), EPS);
    }

    @Test
    void confusionMatricesFlagScoresAtOrAboveEachBandThreshold() {
        EvaluationMetrics m = evaluator.evaluate(TIED_SCORES, TIED_REFUSED, THRESHOLDS);
        // HIGH (>= 0.8): 0.9 refused, 0.8 approved, 0.8 refused flagged; the 0.6 refusal missed; 4 approvals below.
        assertEquals(new ConfusionMatrix(0.8, 2, 1, 4, 1), m.confusion().get("HIGH"));
        // MEDIUM (>= 0.6): six flagged, all three refusals among them; 0.3 and 0.1 approvals not flagged.
        assertEquals(new ConfusionMatrix(0.6, 3, 3, 2, 0), m.confusion().get("MEDIUM"));
        assertEquals(2, m.confusion().size());
    }

    @ParameterizedTest
    @CsvSource({"0.0, 0", "0.05, 0", "0.0999999, 0", "0.1, 1", "0.2, 2", "0.3, 3", "0.4, 4", "0.5, 5", "0.6, 6",
            "0.7, 7", "0.8, 8", "0.9, 9", "0.95, 9", "0.9999999, 9", "1.0, 9", "0.30000000000000004, 3",
            "0.29999999999999993, 2"})
    void calibrationBinsAreEqualWidthTenthsWithOneInTheLast(double score, int bin) {
        assertEquals(bin, RiskEvaluator.calibrationBin(score));
    }

    @Test
    void calibrationTableHoldsTenBinsWithCountsMeansAndRates() {
        double[] scores = {0.0, 0.05, 0.1, 0.95, 1.0, 1.0};
        boolean[] refused = {false, false, true, false, true, true};
        List<CalibrationBin> bins = evaluator.evaluate(scores, refused, THRESHOLDS).calibration();
        assertEquals(10, bins.size());
        // Bin 0: 0.0 and 0.05, neither refused: mean 0.025, rate 0.
        assertEquals(new CalibrationBin(0.0, 0.1, 2, 0.025, 0.0), bins.get(0));
        // Bin 1: 0.1 (its lower bound is inclusive), refused.
        assertEquals(new CalibrationBin(0.1, 0.2, 1, 0.1, 1.0), bins.get(1));
        // Bin 9: 0.95, 1.0, 1.0: mean 2.95 / 3, two of three refused.
        assertEquals(0.9, bins.get(9).lower());
        assertEquals(1.0, bins.get(9).upper());
        assertEquals(3, bins.get(9).count());
        assertEquals(2.95 / 3, bins.get(9).meanScore(), EPS);
        assertEquals(2.0 / 3, bins.get(9).refusalRate(), EPS);
        // Empty bins: count 0, NaN mean and rate.
        assertEquals(new CalibrationBin(0.5, 0.6, 0, Double.NaN, Double.NaN), bins.get(5));
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 7L, 42L, 2026L})
    void rankingMetricsMatchBruteForceDefinitionsOnRandomTiedData(long seed) {
        Random random = new Random(seed);
        int n = 50 + random.nextInt(250);
        double[] scores = new double[n];
        boolean[] refused = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = Math.round(random.nextDouble() * 20) / 20.0; // 21 distinct values: many ties
            refused[i] = random.nextDouble() < 0.15 + 0.5 * scores[i];
        }
        refused[0] = true;
        refused[1] = false;
        EvaluationMetrics m = evaluator.evaluate(scores, refused, THRESHOLDS);
        assertEquals(bruteForceAuc(scores, refused), m.rocAuc(), 1e-12);
        assertEquals(bruteForceAveragePrecision(scores, refused), m.averagePrecision(), 1e-12);
        assertEquals(bruteForceRecallAtTop(scores, refused, 10), m.recallAtTop10(), 1e-12);
        assertEquals(bruteForceRecallAtTop(scores, refused, 20), m.recallAtTop20(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(longs = {3L, 11L, 99L})
    void metricsDoNotDependOnTheOrderOfTheInput(long seed) {
        Random random = new Random(seed);
        int n = 400;
        double[] scores = new double[n];
        boolean[] refused = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = Math.round(random.nextDouble() * 10) / 10.0;
            refused[i] = i % 7 == 0;
        }
        EvaluationMetrics original = evaluator.evaluate(scores, refused, THRESHOLDS);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            double s = scores[i];
            scores[i] = scores[j];
            scores[j] = s;
            boolean r = refused[i];
            refused[i] = refused[j];
            refused[j] = r;
        }
        EvaluationMetrics shuffled = evaluator.evaluate(scores, refused, THRESHOLDS);
        assertEquals(original.rocAuc(), shuffled.rocAuc(), 0.0);
        assertEquals(original.averagePrecision(), shuffled.averagePrecision(), 0.0);
        assertEquals(original.recallAtTop5(), shuffled.recallAtTop5(), 0.0);
        assertEquals(original.recallAtTop10(), shuffled.recallAtTop10(), 0.0);
        assertEquals(original.recallAtTop20(), shuffled.recallAtTop20(), 0.0);
        assertEquals(original.confusion(), shuffled.confusion());
        assertEquals(original.calibration().stream().map(CalibrationBin::count).toList(),
                shuffled.calibration().stream().map(CalibrationBin::count).toList());
    }

    private static double bruteForceAuc(double[] s, boolean[] y) {
        double sum = 0;
        long pairs = 0;
        for (int i = 0; i < s.length; i++) {
            for (int j = 0; j < s.length; j++) {
                if (y[i] && !y[j]) {
                    pairs++;
                    sum += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        return sum / pairs;
    }

    /** scikit-learn's definition: over distinct thresholds t, highest first, (R(t) - R(previous)) * P(t). */
    private static double bruteForceAveragePrecision(double[] s, boolean[] y) {
        double[] thresholds = Arrays.stream(s).distinct().sorted().toArray();
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        double ap = 0;
        double previousRecall = 0;
        for (int t = thresholds.length - 1; t >= 0; t--) {
            int tp = 0;
            int flagged = 0;
            for (int i = 0; i < s.length; i++) {
                if (s[i] >= thresholds[t]) {
                    flagged++;
                    tp += y[i] ? 1 : 0;
                }
            }
            double recall = (double) tp / positives;
            ap += (recall - previousRecall) * tp / flagged;
            previousRecall = recall;
        }
        return ap;
    }

    /** Refusals scored above the k-th highest score, plus the tied group's refusals pro rata for the places left. */
    private static double bruteForceRecallAtTop(double[] s, boolean[] y, int percent) {
        int n = s.length;
        int k = (int) Math.ceil(percent * n / 100.0 - 1e-9);
        double[] sorted = s.clone();
        Arrays.sort(sorted);
        double cut = sorted[n - k];
        int above = 0;
        int refusedAbove = 0;
        int atCut = 0;
        int refusedAtCut = 0;
        int positives = 0;
        for (int i = 0; i < n; i++) {
            positives += y[i] ? 1 : 0;
            if (s[i] > cut) {
                above++;
                refusedAbove += y[i] ? 1 : 0;
            } else if (s[i] == cut) {
                atCut++;
                refusedAtCut += y[i] ? 1 : 0;
            }
        }
        return (refusedAbove + (double) refusedAtCut * (k - above) / atCut) / positives;
    }
}
