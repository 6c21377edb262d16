package org.licencerisk.model.monitoring;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PopulationStabilityTest {

    @Test
    void psiOfTwoKnownDistributions() {
        // b = (0.5, 0.5), r = (0.25, 0.75):
        // (0.25 − 0.5) × ln(0.25 / 0.5) = 0.25 × 0.693147 = 0.173287
        // (0.75 − 0.5) × ln(0.75 / 0.5) = 0.25 × 0.405465 = 0.101366;  sum 0.274653
        assertEquals(0.274653, PopulationStability.psi(new long[]{50, 50}, new long[]{25, 75}), 1e-6);
        // b = (0.2, 0.3, 0.5), r = (0.3, 0.3, 0.4):
        // 0.1 × ln(1.5) = 0.040547;  0;  −0.1 × ln(0.8) = 0.022314;  sum 0.062861
        assertEquals(0.062861, PopulationStability.psi(new long[]{20, 30, 50}, new long[]{30, 30, 40}), 1e-6);
    }

    @Test
    void anEmptyBinCountsAsEpsilon() {
        // b = (1, 0 → 1e-4), r = (0.9, 0.1):
        // (0.9 − 1) × ln(0.9) = 0.010536;  (0.1 − 0.0001) × ln(0.1 / 0.0001) = 0.0999 × 6.907755 = 0.690085
        assertEquals(0.700621, PopulationStability.psi(new long[]{100, 0}, new long[]{90, 10}), 1e-6);
        assertEquals(0.0, PopulationStability.psi(new long[]{10, 0, 30}, new long[]{1, 0, 3}), 1e-12,
                "a bin empty in both periods adds nothing");
    }

    @Test
    void identicalDistributionsHaveZeroIndex() {
        assertEquals(0.0, PopulationStability.psi(new long[]{3, 7, 11, 0}, new long[]{30, 70, 110, 0}), 1e-12);
    }

    @Test
    void statusFollowsTheUsualReading() {
        assertEquals(DriftStatus.STABLE, DriftStatus.of(0.0999));
        assertEquals(DriftStatus.MODERATE, DriftStatus.of(0.1));
        assertEquals(DriftStatus.MODERATE, DriftStatus.of(0.25));
        assertEquals(DriftStatus.SIGNIFICANT, DriftStatus.of(0.2501));
    }

    @Test
    void decileCutsMergeTiesAndBinValuesClosedBelow() {
        double[] oneToTen = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        double[] cuts = PopulationStability.quantileCuts(oneToTen, 10);
        assertArrayEquals(new double[]{2, 3, 4, 5, 6, 7, 8, 9, 10}, cuts);
        assertEquals(0, PopulationStability.bin(cuts, 1));
        assertEquals(1, PopulationStability.bin(cuts, 2));
        assertEquals(1, PopulationStability.bin(cuts, 2.5));
        assertEquals(9, PopulationStability.bin(cuts, 99));
        // Eight equal values then 2 and 3: the cut points 1 merge away, leaving < 2, [2, 3), ≥ 3.
        double[] tied = PopulationStability.quantileCuts(new double[]{1, 1, 1, 1, 1, 1, 1, 1, 2, 3}, 10);
        assertArrayEquals(new double[]{2, 3}, tied);
        assertEquals(List.of("< 2", "[2, 3)", "≥ 3"), PopulationStability.rangeLabels(tied));
        assertEquals(List.of("all values"), PopulationStability.rangeLabels(
                PopulationStability.quantileCuts(new double[]{4, 4, 4}, 10)));
    }

    @Test
    void badHistogramsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PopulationStability.psi(new long[]{1, 2}, new long[]{1}));
        assertThrows(IllegalArgumentException.class, () -> PopulationStability.psi(new long[]{0, 0}, new long[]{1, 1}));
    }
}
