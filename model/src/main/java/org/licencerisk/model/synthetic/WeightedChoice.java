package org.licencerisk.model.synthetic;

import java.util.List;
import java.util.SplittableRandom;

/** Picks one of a fixed list of values with fixed weights; the order of the list is the order of the draw. */
final class WeightedChoice<T> {

    private final List<T> values;
    private final double[] cumulative;

    WeightedChoice(List<T> values, double[] weights) {
        if (values.isEmpty() || values.size() != weights.length) {
            throw new IllegalArgumentException("A weighted choice needs one weight per value and at least one value, found "
                    + values.size() + " values and " + weights.length + " weights.");
        }
        this.values = List.copyOf(values);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0) || Double.isInfinite(weights[i])) {
                throw new IllegalArgumentException("Weights must be finite and non-negative, found " + weights[i] + ".");
            }
            sum += weights[i];
            cumulative[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("At least one weight must be positive.");
        }
    }

    /** Returns a choice from alternating value, weight pairs, e.g. {@code of("5A002", 45.0, "5D002", 45.0)}. */
    @SuppressWarnings("unchecked")
    static <T> WeightedChoice<T> of(Object... pairs) {
        Object[] values = new Object[pairs.length / 2];
        double[] weights = new double[pairs.length / 2];
        for (int i = 0; i < values.length; i++) {
            values[i] = pairs[2 * i];
            weights[i] = ((Number) pairs[2 * i + 1]).doubleValue();
        }
        return new WeightedChoice<>((List<T>) List.of(values), weights);
    }

    T next(SplittableRandom random) {
        double u = random.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return values.get(lo);
    }
}
