package org.licencerisk.functions.shadow;

import org.licencerisk.model.scoring.RiskBand;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/** The statistics of a model comparison: average ranks, Spearman's rank correlation and the band matrix. */
public final class RankStatistics {

    private RankStatistics() {
    }

    /**
     * Returns the 1-based ranks of {@code values} in ascending order; tied values share the average of the ranks they
     * span (e.g. {@code [10, 20, 20, 30]} ranks {@code [1, 2.5, 2.5, 4]}).
     *
     * @throws IllegalArgumentException when a value is not finite
     */
    public static double[] averageRanks(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("Ranks need finite values, found " + v + ".");
            }
        }
        Integer[] order = IntStream.range(0, values.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> values[i]));
        double[] ranks = new double[values.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = average;
            }
            i = j + 1;
        }
        return ranks;
    }

    /**
     * Returns Spearman's rank correlation of the paired values: the Pearson correlation of their average ranks (so
     * ties are handled exactly), or empty when it is undefined: fewer than two pairs, or one side all equal.
     *
     * @throws IllegalArgumentException when the two arrays differ in length or hold a value that is not finite
     */
    public static OptionalDouble spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("Spearman's correlation needs pairs, found " + x.length + " values against "
                    + y.length + ".");
        }
        double[] rx = averageRanks(x);
        double[] ry = averageRanks(y);
        if (x.length < 2) {
            return OptionalDouble.empty();
        }
        double mean = (x.length + 1) / 2.0;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = rx[i] - mean;
            double dy = ry[i] - mean;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(sxy / Math.sqrt(sxx * syy));
    }

    /**
     * Returns the 3×3 matrix of counts: row the baseline's band, column the model's, in the order of {@link RiskBand}.
     *
     * @throws IllegalArgumentException when the lists differ in length or hold {@code null}
     */
    public static long[][] bandMatrix(List<RiskBand> baseline, List<RiskBand> model) {
        if (baseline.size() != model.size()) {
            throw new IllegalArgumentException("A band matrix needs pairs, found " + baseline.size()
                    + " baseline bands against " + model.size() + " model bands.");
        }
        long[][] matrix = new long[RiskBand.values().length][RiskBand.values().length];
        for (int i = 0; i < baseline.size(); i++) {
            if (baseline.get(i) == null || model.get(i) == null) {
                throw new IllegalArgumentException("Pair " + i + " lacks a band.");
            }
            matrix[baseline.get(i).ordinal()][model.get(i).ordinal()]++;
        }
        return matrix;
    }

    /** Returns the fraction of pairs on the diagonal of a band matrix, or empty for a matrix without pairs. */
    public static OptionalDouble agreement(long[][] matrix) {
        long total = 0;
        long same = 0;
        for (int i = 0; i < matrix.length; i++) {
            for (int j = 0; j < matrix[i].length; j++) {
                total += matrix[i][j];
                same += i == j ? matrix[i][j] : 0;
            }
        }
        return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) same / total);
    }
}
