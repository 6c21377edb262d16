package org.licencerisk.model.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licencerisk.model.scoring.BandThresholds;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskEvaluatorInputTest {

    private static final BandThresholds THRESHOLDS = new BandThresholds(0.3, 0.6, 0.05, 0.2);
    private final RiskEvaluator evaluator = new RiskEvaluator();

    private String rejection(double[] scores, boolean[] refused) {
        return assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(scores, refused, THRESHOLDS)).getMessage();
    }

    @Test
    void rejectsArraysOfDifferentLengths() {
        assertEquals("Evaluation needs one outcome per score, found 3 scores and 2 outcomes.",
                rejection(new double[]{0.1, 0.2, 0.3}, new boolean[]{true, false}));
    }

    @Test
    void rejectsEmptyInput() {
        assertEquals("The evaluation data has no labelled applications to evaluate on.",
                rejection(new double[0], new boolean[0]));
    }

    @Test
    void rejectsMissingArraysAndThresholds() {
        assertEquals("Evaluation needs both the scores and the outcomes, found no scores.",
                rejection(null, new boolean[]{true}));
        assertEquals("Evaluation needs both the scores and the outcomes, found no outcomes.",
                rejection(new double[]{0.5}, null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluator.evaluate(new double[]{0.1, 0.9}, new boolean[]{false, true}, null));
        assertEquals("Evaluation needs the band thresholds to take confusion matrices at, found none.", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.01, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsScoresThatAreNotProbabilities(double bad) {
        String message = rejection(new double[]{0.2, bad, 0.7}, new boolean[]{true, false, false});
        assertEquals("Scores must be probabilities in [0, 1], found " + bad + " at index 1.", message);
    }

    @Test
    void rejectsDataWithoutRefusals() {
        assertEquals("The evaluation data has 2 labelled applications and no refusals, so ROC-AUC and average "
                        + "precision are undefined; evaluate on a period with both refused and approved applications.",
                rejection(new double[]{0.2, 0.7}, new boolean[]{false, false}));
    }

    @Test
    void rejectsDataWithoutApprovals() {
        assertTrue(rejection(new double[]{0.2, 0.7, 0.4}, new boolean[]{true, true, true})
                .startsWith("The evaluation data has 3 labelled applications and no approvals, so ROC-AUC"));
    }

    @Test
    void reportNamesThePeriodWhenItHasNoRefusals() {
        EvaluationContext context = new EvaluationContext("v1", "logistic", "2025-01-01 to 2025-03-31",
                Map.of("APPROVED", 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> evaluator.report(context, new double[]{0.2, 0.7}, new boolean[]{false, false}, THRESHOLDS));
        assertTrue(e.getMessage().startsWith("The test period 2025-01-01 to 2025-03-31 has 2 labelled applications "
                + "and no refusals"), e.getMessage());
    }

    @Test
    void curvesRejectTheSameInput() {
        assertThrows(IllegalArgumentException.class,
                () -> evaluator.curves(new double[]{0.5, Double.NaN}, new boolean[]{true, false}));
        assertThrows(IllegalArgumentException.class,
                () -> evaluator.curves(new double[]{0.5}, new boolean[]{true}));
    }

    @Test
    void contextRejectsBlankFieldsAndNegativeCounts() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> new EvaluationContext(" ", "logistic", "2025", Map.of()));
        assertEquals("An evaluation context needs a model version, found a blank one.", blank.getMessage());
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> new EvaluationContext("v1", "logistic", "2025", Map.of("REFUSED", -1)));
        assertEquals("Outcome counts must map outcome names to counts of zero or more, found REFUSED=-1.",
                negative.getMessage());
    }
}
