package org.licencerisk.model.evaluation;

import org.licencerisk.model.scoring.BandThresholds;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.tribuo.classification.evaluation.LabelEvaluationUtil;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CalibrationErrorTest {

    private static final BandThresholds BANDS = new BandThresholds(0.3, 0.6, 0.1, 0.3);
    private final RiskEvaluator evaluator = new RiskEvaluator();

    @Test
    void eceIsTheCountWeightedGapOfTenEqualCountBins() {
        // 20 applications: two per bin; in bin k both score k/10 + 0.05, and one of the two is refused in bins 5..9.
        double[] scores = new double[20];
        boolean[] refused = new boolean[20];
        for (int i = 0; i < 20; i++) {
            scores[i] = (i / 2) / 10.0 + 0.05;
            refused[i] = i >= 10 && i % 2 == 1;
        }
        EvaluationMetrics m = evaluator.evaluate(scores, refused, BANDS);
        List<ReliabilityBin> bins = m.reliability();
        assertEquals(10, bins.size());
        double expected = 0;
        for (int b = 0; b < 10; b++) {
            assertEquals(2, bins.get(b).count());
            double rate = b >= 5 ? 0.5 : 0.0;
            assertEquals(rate, bins.get(b).refusalRate(), 1e-15);
            expected += 0.1 * Math.abs(b / 10.0 + 0.05 - rate);
        }
        assertEquals(expected, m.expectedCalibrationError(), 1e-12);
        assertEquals(expected, evaluator.expectedCalibrationError(scores, refused), 1e-12);
    }

    @Test
    void perfectlyCalibratedBinsHaveNoError() {
        double[] scores = new double[100];
        boolean[] refused = new boolean[100];
        // Tenth b holds ten applications scored max(0, b - 4) / 10, of which max(0, b - 4) were refused.
        for (int i = 0; i < 100; i++) {
            int b = i / 10;
            scores[i] = Math.max(0, b - 4) / 10.0;
            refused[i] = i % 10 < Math.max(0, b - 4);
        }
        assertEquals(0.0, evaluator.expectedCalibrationError(scores, refused), 1e-15);
    }

    @Test
    void eceOfEmptyOrOneClassDataIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> evaluator.expectedCalibrationError(new double[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class,
                () -> evaluator.expectedCalibrationError(new double[]{0.1, 0.2}, new boolean[]{false, false}));
    }

    /** Our ROC-AUC and average precision agree with Tribuo's on the same scores, ties included. */
    @RepeatedTest(20)
    void rankingMetricsAgreeWithTribuos(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(1000L + repetition.getCurrentRepetition());
        int n = 50 + random.nextInt(2000);
        double[] scores = new double[n];
        boolean[] refused = new boolean[n];
        boolean ties = repetition.getCurrentRepetition() % 2 == 0;
        for (int i = 0; i < n; i++) {
            refused[i] = random.nextDouble() < 0.05 || i == 0;
            double s = Math.min(1, Math.max(0, random.nextGaussian() * 0.15 + (refused[i] ? 0.4 : 0.2)));
            scores[i] = ties ? Math.round(s * 20) / 20.0 : s;
        }
        refused[1] = false;
        EvaluationMetrics m = evaluator.evaluate(scores, refused, BANDS);
        assertEquals(LabelEvaluationUtil.binaryAUCROC(refused, scores), m.rocAuc(), 1e-9);
        assertEquals(LabelEvaluationUtil.averagedPrecision(refused, scores), m.averagePrecision(), 1e-9);
    }
}
