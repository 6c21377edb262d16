package org.licencerisk.model.monitoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The population stability index and the binning it needs.
 * <p>
 * {@code PSI = Σ (r_i − b_i) × ln(r_i / b_i)} over bins {@code i}, where {@code b_i} and {@code r_i} are the shares
 * of the baseline and the recent period in bin {@code i}. A share of zero would make a term infinite, so every share
 * below {@link #EPSILON} is raised to it first (a bin empty in both periods then adds exactly 0). Numbers are binned
 * at the baseline's deciles; equal cut points (many equal values) merge, so there may be fewer than ten bins.
 */
public final class PopulationStability {

    /** The share an empty bin counts as: 0.01%, a common choice (a decile empty in one period then adds about 0.69). */
    public static final double EPSILON = 1e-4;

    private PopulationStability() {
    }

    /**
     * Returns the index of two histograms over the same bins.
     *
     * @throws IllegalArgumentException if the histograms differ in length or either is empty
     */
    public static double psi(long[] baseline, long[] recent) {
        return Arrays.stream(terms(baseline, recent)).sum();
    }

    /** Returns each bin's term of the index, shares smoothed with {@link #EPSILON}. */
    public static double[] terms(long[] baseline, long[] recent) {
        if (baseline.length != recent.length) {
            throw new IllegalArgumentException("Both histograms need the same bins, found " + baseline.length + " and "
                    + recent.length + " bins.");
        }
        long nb = Arrays.stream(baseline).sum();
        long nr = Arrays.stream(recent).sum();
        if (nb == 0 || nr == 0) {
            throw new IllegalArgumentException("A population stability index needs values in both periods, found "
                    + nb + " baseline and " + nr + " recent values.");
        }
        double[] terms = new double[baseline.length];
        for (int i = 0; i < terms.length; i++) {
            double b = Math.max((double) baseline[i] / nb, EPSILON);
            double r = Math.max((double) recent[i] / nr, EPSILON);
            terms[i] = (r - b) * Math.log(r / b);
        }
        return terms;
    }

    /**
     * Returns the distinct cut points at the quantiles {@code k / bins} ({@code k = 1 … bins − 1}) of sorted values:
     * the value at position {@code floor(k × n / bins)}. A value {@code v} then falls into bin {@link #bin}.
     */
    public static double[] quantileCuts(double[] sorted, int bins) {
        List<Double> cuts = new ArrayList<>(bins);
        for (int k = 1; k < bins; k++) {
            double cut = sorted[(int) ((long) k * sorted.length / bins)];
            if (cut > sorted[0] && (cuts.isEmpty() || cut > cuts.get(cuts.size() - 1))) {
                cuts.add(cut);
            }
        }
        return cuts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Returns the bin of a value: the number of cut points at or below it (bins are closed below, open above). */
    public static int bin(double[] cuts, double value) {
        int i = Arrays.binarySearch(cuts, value);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** Returns the labels of the bins the cut points make: {@code < c1}, {@code [c1, c2)}, …, {@code ≥ ck}. */
    public static List<String> rangeLabels(double[] cuts) {
        if (cuts.length == 0) {
            return List.of("all values");
        }
        List<String> labels = new ArrayList<>(cuts.length + 1);
        labels.add("< " + number(cuts[0]));
        for (int i = 1; i < cuts.length; i++) {
            labels.add("[" + number(cuts[i - 1]) + ", " + number(cuts[i]) + ")");
        }
        labels.add("≥ " + number(cuts[cuts.length - 1]));
        return labels;
    }

    private static String number(double v) {
        if (Math.rint(v) == v && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }
}
