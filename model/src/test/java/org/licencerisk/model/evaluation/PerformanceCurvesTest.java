package org.licencerisk.model.evaluation;

import org.junit.jupiter.api.Test;
import org.licencerisk.model.scoring.BandThresholds;

import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PerformanceCurvesTest {

    private final RiskEvaluator evaluator = new RiskEvaluator();

    @Test
    void curvesHaveOnePointPerDistinctScore() {
        // 0.9 refused; 0.8 refused + approved; 0.6 approved. P = 2, N = 2.
        PerformanceCurves curves = evaluator.curves(new double[]{0.6, 0.8, 0.9, 0.8},
                new boolean[]{false, true, true, false});
        assertEquals(List.of(
                new RocPoint(Double.POSITIVE_INFINITY, 0.0, 0.0),
                new RocPoint(0.9, 0.0, 0.5),
                new RocPoint(0.8, 0.5, 1.0),
                new RocPoint(0.6, 1.0, 1.0)), curves.roc());
        assertEquals(List.of(
                new PrecisionRecallPoint(0.9, 0.5, 1.0),
                new PrecisionRecallPoint(0.8, 1.0, 2.0 / 3),
                new PrecisionRecallPoint(0.6, 1.0, 0.5)), curves.precisionRecall());
    }

    @Test
    void downsamplingKeepsTheEndsAndAtMostTheLimit() {
        Random random = new Random(5);
        int n = 20_000;
        double[] scores = new double[n];
        boolean[] refused = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = random.nextDouble();
            refused[i] = random.nextDouble() < scores[i] * 0.1;
        }
        PerformanceCurves full = evaluator.curves(scores, refused);
        PerformanceCurves small = full.downsampled(200);
        assertTrue(full.roc().size() > 10_000);
        assertTrue(small.roc().size() <= 200, "ROC points: " + small.roc().size());
        assertTrue(small.precisionRecall().size() <= 200, "PR points: " + small.precisionRecall().size());
        assertTrue(small.roc().size() >= 100, "ROC points: " + small.roc().size());
        assertEquals(full.roc().get(0), small.roc().get(0));
        assertEquals(full.roc().get(full.roc().size() - 1), small.roc().get(small.roc().size() - 1));
        assertEquals(full.precisionRecall().get(full.precisionRecall().size() - 1),
                small.precisionRecall().get(small.precisionRecall().size() - 1));

        EvaluationReport report = evaluator.report(new EvaluationContext("v", "logistic", "2025", Map.of()),
                scores, refused, new BandThresholds(0.5, 0.9, 0.1, 0.5));
        assertTrue(report.curves().roc().size() <= RiskEvaluator.MAX_CURVE_POINTS);
        assertTrue(report.curves().precisionRecall().size() <= RiskEvaluator.MAX_CURVE_POINTS);
    }

    @Test
    void shortCurvesAreKeptWholeAndTwoPointsKeepTheEnds() {
        PerformanceCurves curves = evaluator.curves(new double[]{0.1, 0.9}, new boolean[]{false, true});
        // ROC: (0, 0), (0, 1), (1, 1); precision-recall: two points.
        assertEquals(curves, curves.downsampled(3));
        PerformanceCurves ends = curves.downsampled(2);
        assertEquals(List.of(curves.roc().get(0), curves.roc().get(2)), ends.roc());
        assertEquals(curves.precisionRecall(), ends.precisionRecall());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> curves.downsampled(1));
        assertEquals("A curve needs at least 2 points to keep its ends, found maxPoints=1.", e.getMessage());
    }
}
