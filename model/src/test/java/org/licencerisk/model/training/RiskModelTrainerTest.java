package org.licencerisk.model.training;

import org.junit.jupiter.api.Test;
import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.evaluation.CalibrationBin;
import org.licencerisk.model.evaluation.EvaluationMetrics;
import org.licencerisk.model.testing.SyntheticData;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskModelTrainerTest {

    /** The default settings, taken as given: most tests here are not about choosing them. */
    static final TrainingOptions FIXED = TrainingOptions.defaults(TrainerKind.LOGISTIC).withTune(false);

    private static TrainingResult train(DecisionDataset data, TrainingOptions options) {
        return new RiskModelTrainer(options, ProgressListener.NONE).train(data, null, "synthetic.jsonl");
    }

    @Test
    void theSameDataAndSeedGiveTheSameModel() {
        DecisionDataset data = SyntheticData.dataset(4000);
        TrainingResult a = train(data, FIXED);
        TrainingResult b = train(data, FIXED);
        assertArrayEquals(a.testScores(), b.testScores());
        ModelManifest ma = a.artifact().manifest();
        ModelManifest mb = b.artifact().manifest();
        assertEquals(ma.calibration(), mb.calibration());
        assertEquals(ma.bandThresholds(), mb.bandThresholds());
        assertEquals(ma.metrics(), mb.metrics());
        TrainingResult other = train(data, FIXED.withSeed(43));
        assertFalse(java.util.Arrays.equals(a.testScores(), other.testScores()), "another seed should shuffle differently");
    }

    @Test
    void xgboostIsDeterministicToo() {
        DecisionDataset data = SyntheticData.dataset(4000);
        TrainingOptions options = TrainingOptions.defaults(TrainerKind.XGBOOST).withTune(false);
        assertArrayEquals(train(data, options).testScores(), train(data, options).testScores());
    }

    @Test
    void theTestPeriodIsNewerThanEveryTrainingDecision() {
        DecisionDataset data = SyntheticData.dataset(4000);
        TrainingResult result = train(data, FIXED);
        Instant lastTraining = result.artifact().manifest().training().lastDecision();
        for (DecisionRecord r : result.testPeriod().records()) {
            assertTrue(r.decidedAt().isAfter(lastTraining), "a test decision precedes the training period's end");
        }
        assertEquals(result.testScores().length, result.artifact().manifest().training().testRows());
    }

    @Test
    void anExplicitSplitDateIsHonoured() {
        DecisionDataset data = SyntheticData.dataset(4000);
        Instant split = Instant.parse("2025-01-01T00:00:00Z");
        TrainingResult result = train(data, FIXED.withSplitDate(split));
        assertEquals(split, result.artifact().manifest().training().splitDate());
        assertTrue(result.artifact().manifest().training().lastDecision().isBefore(split));
        assertTrue(result.testPeriod().records().stream().noneMatch(r -> r.decidedAt().isBefore(split)));
    }

    @Test
    void anExplicitTestSetIsUsedAsItIs() {
        DecisionDataset data = SyntheticData.dataset(4000);
        Instant split = Instant.parse("2025-01-01T00:00:00Z");
        TrainingResult result = new RiskModelTrainer(FIXED, ProgressListener.NONE)
                .train(data.before(split), data.from(split), "synthetic.jsonl");
        assertNull(result.artifact().manifest().training().splitDate());
        assertEquals(data.from(split).labelled().size(), result.testScores().length);
    }

    @Test
    void scoresAreCalibratedAndRankRefusalsFirstOnTheSyntheticHoldOut() {
        DecisionDataset data = SyntheticData.dataset(20_000);
        // Fewer trees than the default keep this test quick; calibration does not depend on the tree count.
        TrainingOptions fewTrees = TrainingOptions.builder(TrainerKind.XGBOOST).trees(60).maxDepth(4).eta(0.2)
                .tune(false).build();
        for (TrainingOptions options : List.of(FIXED, fewTrees)) {
            TrainerKind kind = options.trainer();
            EvaluationMetrics m = train(data, options).metrics();
            double meanScore = 0;
            for (CalibrationBin bin : m.calibration()) {
                if (bin.count() > 0) {
                    meanScore += bin.meanScore() * bin.count();
                }
                if (bin.count() >= 200) {
                    assertEquals(bin.refusalRate(), bin.meanScore(), 0.08, kind + " bin " + bin);
                }
            }
            meanScore /= m.count();
            assertEquals(m.baseRate(), meanScore, 0.025, kind + ": mean score vs base rate");
            assertTrue(m.brier() < m.baseRate() * (1 - m.baseRate()), kind + ": Brier must beat a constant forecast");
            assertTrue(m.rocAuc() > 0.75, kind + ": ROC-AUC " + m.rocAuc());
            assertTrue(m.recallAtTop10() > 0.35, kind + ": recall in the top 10% " + m.recallAtTop10());
        }
    }

    @Test
    void aPeriodWithoutRefusalsIsAClearError() {
        DecisionDataset data = SyntheticData.dataset(4000);
        List<DecisionRecord> approvedOnly = data.records().stream()
                .filter(r -> !Boolean.TRUE.equals(r.refused())).toList();
        DecisionDataset noRefusals = new DecisionDataset(data.definition(), approvedOnly, data.sourceSha256());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> train(noRefusals, FIXED));
        assertTrue(e.getMessage().contains("0 refusals"), e.getMessage());
    }

    @Test
    void badOptionsAreRefusedWithASentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.builder(TrainerKind.LOGISTIC).validationShare(0.7).build());
        assertTrue(e.getMessage().startsWith("The validation share"), e.getMessage());
        IllegalArgumentException l2 = assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.builder(TrainerKind.LOGISTIC).l2(-1).build());
        assertTrue(l2.getMessage().startsWith("The L2 regularisation"), l2.getMessage());
        IllegalArgumentException halfLife = assertThrows(IllegalArgumentException.class,
                () -> TrainingOptions.builder(TrainerKind.LOGISTIC).halfLifeDays(Double.NaN).build());
        assertTrue(halfLife.getMessage().startsWith("The recency half-life"), halfLife.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrainerKind.fromId("forest"));
    }
}
