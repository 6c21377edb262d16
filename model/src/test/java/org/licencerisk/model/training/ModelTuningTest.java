package org.licencerisk.model.training;

import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.artifact.ModelSelection;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.testing.SyntheticData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Settings are chosen on the training period alone, the same way for the same data and seed. */
class ModelTuningTest {

    private static DecisionDataset data;
    private static Instant split;
    private static TrainingResult tuned;

    @BeforeAll
    static void trainOnce() {
        data = SyntheticData.dataset(2500);
        List<DecisionRecord> labelled = data.labelled();
        split = labelled.get((int) (labelled.size() * 0.8)).decidedAt();
        tuned = train(data);
    }

    private static TrainingResult train(DecisionDataset dataset) {
        TrainingOptions options = TrainingOptions.builder(TrainerKind.LOGISTIC).splitDate(split).epochs(5).build();
        return new RiskModelTrainer(options, ProgressListener.NONE).train(dataset, null, "synthetic.jsonl");
    }

    @Test
    void everyCandidateIsRecordedWithTheChoice() {
        ModelSelection s = tuned.artifact().manifest().selection();
        List<TrainingOptions> grid = ModelTuning.candidates(TrainingOptions.defaults(TrainerKind.LOGISTIC), true);
        assertEquals(grid.size(), s.candidates().size());
        assertEquals(ModelTuning.L2.size() * ModelTuning.HALF_LIVES.size() * 2, grid.size());
        for (int i = 0; i < s.candidates().size(); i++) {
            double mean = s.candidates().get(i).averagePrecision() + s.candidates().get(i).rocAuc()
                    + s.candidates().get(i).recallAtTop10();
            double best = s.choice().averagePrecision() + s.choice().rocAuc() + s.choice().recallAtTop10();
            assertTrue(mean <= best, "candidate " + i + " beats the choice");
        }
        ModelManifest m = tuned.artifact().manifest();
        assertEquals(s.choice().settings().get("l2"), m.hyperparameters().get("l2"));
        assertEquals(s.choice().settings().get("crosses").equals("on"), !m.crosses().isEmpty());
        assertTrue(s.validationTo().isBefore(split), "the validation period lies inside the training period");
        assertEquals(tuned.artifact().manifest().training().fitRows(), s.refitRows());
        assertEquals(s.fitRows() + s.validationRows(), s.refitRows(), "the weights are refitted on the whole period");
    }

    @Test
    void tuningIsDeterministicForASeed() {
        TrainingResult again = train(data);
        assertEquals(tuned.artifact().manifest().selection(), again.artifact().manifest().selection());
        assertEquals(tuned.artifact().manifest().calibration(), again.artifact().manifest().calibration());
        assertArrayEquals(tuned.testScores(), again.testScores());
    }

    /** Were the test period looked at while choosing, turning its outcomes over would change the choice. */
    @Test
    void theTestPeriodIsNeverLookedAtWhileChoosing() {
        List<DecisionRecord> flipped = new ArrayList<>();
        for (DecisionRecord r : data.records()) {
            boolean test = !r.decidedAt().isBefore(split) && r.labelled();
            flipped.add(test ? new DecisionRecord(r.id(), r.decidedAt(), r.refused() ? "APPROVED" : "REFUSED",
                    !r.refused(), r.raw(), r.application()) : r);
        }
        TrainingResult other = train(new DecisionDataset(data.definition(), flipped, data.sourceSha256()));
        ModelManifest a = tuned.artifact().manifest();
        ModelManifest b = other.artifact().manifest();
        assertNotEquals(a.metrics(), b.metrics(), "the flipped outcomes reach the evaluation");
        assertEquals(a.selection(), b.selection());
        assertEquals(a.calibration(), b.calibration());
        assertEquals(a.bandThresholds(), b.bandThresholds());
        assertArrayEquals(RiskModelTrainer.scores(tuned.artifact(), data.labelled()),
                RiskModelTrainer.scores(other.artifact(), data.labelled()));
    }
}
