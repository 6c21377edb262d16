package org.licencerisk.functions.shadow;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.licencerisk.model.scoring.RiskBand;

import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.licencerisk.model.scoring.RiskBand.HIGH;
import static org.licencerisk.model.scoring.RiskBand.LOW;
import static org.licencerisk.model.scoring.RiskBand.MEDIUM;

/** The comparison's statistics on values whose answers are known by hand. */
class RankStatisticsTest {

    private static final double EPS = 1e-12;

    @Test
    void tiedValuesShareTheAverageOfTheRanksTheySpan() {
        assertArrayEquals(new double[] {1, 2.5, 2.5, 4}, RankStatistics.averageRanks(new double[] {10, 20, 20, 30}), EPS);
        assertArrayEquals(new double[] {4, 2, 2, 2}, RankStatistics.averageRanks(new double[] {9, 1, 1, 1}), EPS);
        assertArrayEquals(new double[] {2, 2, 2}, RankStatistics.averageRanks(new double[] {0.5, 0.5, 0.5}), EPS);
        assertArrayEquals(new double[0], RankStatistics.averageRanks(new double[0]), EPS);
    }

    @Test
    void spearmanOfKnownOrderings() {
        double[] x = {0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50};
        assertEquals(1.0, RankStatistics.spearman(x, x).getAsDouble(), EPS);
        double[] reversed = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            reversed[i] = 1 - x[i];
        }
        assertEquals(-1.0, RankStatistics.spearman(x, reversed).getAsDouble(), EPS);
        // Two neighbouring swaps: sum of squared rank differences 4, so rho = 1 - 6 * 4 / (10 * 99) = 0.975757...
        double[] swapped = {0.08, 0.16, 0.24, 0.40, 0.32, 0.48, 0.56, 0.64, 0.80, 0.72};
        assertEquals(1 - 24.0 / 990, RankStatistics.spearman(x, swapped).getAsDouble(), EPS);
    }

    @Test
    void spearmanWithTiesIsThePearsonCorrelationOfAverageRanks() {
        // Ranks x = [1, 2.5, 2.5, 4], y = [1, 2, 3, 4]: deviations [-1.5, 0, 0, 1.5] and [-1.5, -0.5, 0.5, 1.5];
        // sxy = 4.5, sxx = 4.5, syy = 5, rho = 4.5 / sqrt(22.5) = 0.948683...
        OptionalDouble rho = RankStatistics.spearman(new double[] {1, 2, 2, 3}, new double[] {10, 20, 30, 40});
        assertEquals(4.5 / Math.sqrt(22.5), rho.getAsDouble(), EPS);
    }

    @Test
    void spearmanIsUndefinedForFewerThanTwoPairsOrAConstantSide() {
        assertTrue(RankStatistics.spearman(new double[0], new double[0]).isEmpty(), "no pairs");
        assertTrue(RankStatistics.spearman(new double[] {0.3}, new double[] {0.4}).isEmpty(), "one pair");
        assertTrue(RankStatistics.spearman(new double[] {0.3, 0.3, 0.3}, new double[] {0.1, 0.2, 0.3}).isEmpty(),
                "all equal on one side");
        assertTrue(RankStatistics.spearman(new double[] {0.1, 0.2}, new double[] {0.7, 0.7}).isEmpty());
    }

    @Test
    void invalidInputIsRefusedWithASentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RankStatistics.spearman(new double[] {1, 2}, new double[] {1}));
        assertEquals("Spearman's correlation needs pairs, found 2 values against 1.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RankStatistics.spearman(new double[] {1, Double.NaN}, new double[] {1, 2}));
        assertEquals("Ranks need finite values, found NaN.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RankStatistics.bandMatrix(List.of(LOW), List.of()));
        assertEquals("A band matrix needs pairs, found 1 baseline bands against 0 model bands.", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> RankStatistics.bandMatrix(java.util.Arrays.asList(LOW, null), List.of(LOW, HIGH)));
        assertEquals("Pair 1 lacks a band.", e.getMessage());
    }

    @Test
    void theBandMatrixCountsBaselineRowsAgainstModelColumns() {
        long[][] m = RankStatistics.bandMatrix(List.of(LOW, LOW, MEDIUM, HIGH, HIGH), List.of(LOW, MEDIUM, MEDIUM, HIGH, MEDIUM));
        assertArrayEquals(new long[] {1, 1, 0}, m[LOW.ordinal()]);
        assertArrayEquals(new long[] {0, 1, 0}, m[MEDIUM.ordinal()]);
        assertArrayEquals(new long[] {0, 1, 1}, m[HIGH.ordinal()]);
        assertEquals(3.0 / 5, RankStatistics.agreement(m).getAsDouble(), EPS);
        assertTrue(RankStatistics.agreement(RankStatistics.bandMatrix(List.of(), List.of())).isEmpty(), "no pairs");
    }

    /** Without ties, the rank formula 1 - 6 sum d^2 / (n (n^2 - 1)) must agree, over a seeded generator. */
    @RepeatedTest(20)
    void agreesWithTheClassicalFormulaWithoutTies(org.junit.jupiter.api.RepetitionInfo repetition) {
        Random random = new Random(1000L + repetition.getCurrentRepetition());
        int n = 2 + random.nextInt(60);
        double[] x = random.doubles(n).toArray();
        double[] y = random.doubles(n).toArray();
        double[] rx = RankStatistics.averageRanks(x);
        double[] ry = RankStatistics.averageRanks(y);
        double d2 = 0;
        for (int i = 0; i < n; i++) {
            d2 += (rx[i] - ry[i]) * (rx[i] - ry[i]);
        }
        assertEquals(1 - 6 * d2 / (n * ((double) n * n - 1)), RankStatistics.spearman(x, y).getAsDouble(), 1e-9);
    }
}
