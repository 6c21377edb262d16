package org.licencerisk.model.training;

import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.features.RawRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TrainingWeightsTest {

    private static final Instant NEWEST = Instant.parse("2010-12-31T00:00:00Z");

    private static DecisionRecord decision(int daysBeforeNewest, boolean refused) {
        return new DecisionRecord("D-" + daysBeforeNewest + refused, NEWEST.minus(daysBeforeNewest, ChronoUnit.DAYS),
                refused ? "REFUSED" : "APPROVED", refused, new RawRecord(Map.of()), null);
    }

    @Test
    void aDecisionOneHalfLifeOlderWeighsExactlyHalf() {
        List<DecisionRecord> records = List.of(decision(730, false), decision(365, false), decision(365, true),
                decision(0, false));
        double[] w = TrainingWeights.of(records, 365);
        assertEquals(0.25, w[0], 1e-12);
        assertEquals(0.5, w[1], 1e-12);
        assertEquals(1.0, w[3], 1e-12);
        // The one refusal carries as much weight as all approvals together: (0.25 + 0.5 + 1) / 0.5 times its own.
        assertEquals(0.25 + 0.5 + 1.0, w[2], 1e-12);
        assertEquals(Math.pow(0.5, 100 / 365.0), TrainingWeights.recency(NEWEST.minus(100, ChronoUnit.DAYS), NEWEST, 365),
                1e-15);
    }

    @Test
    void withoutAHalfLifeOnlyTheClassesAreWeighted() {
        List<DecisionRecord> records = List.of(decision(900, false), decision(20, true), decision(0, false));
        double[] w = TrainingWeights.of(records, 0);
        assertEquals(1.0, w[0]);
        assertEquals(2.0, w[1]);
        assertEquals(1.0, w[2]);
    }

    @Test
    void oneClassAloneCannotBeWeighted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrainingWeights.of(List.of(decision(1, false), decision(0, false)), 365));
        assertEquals("Weights need both refusals and approvals, found no refusals.", e.getMessage());
    }
}
