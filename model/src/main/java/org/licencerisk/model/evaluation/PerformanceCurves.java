package org.licencerisk.model.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The ROC and precision–recall curves of one model on one labelled period, highest threshold first.
 *
 * @param roc             the ROC curve, from (0, 0) where nothing is flagged to (1, 1) where everything is
 * @param precisionRecall the precision–recall curve, one point per distinct score
 */
public record PerformanceCurves(List<RocPoint> roc, List<PrecisionRecallPoint> precisionRecall) {

    public PerformanceCurves {
        roc = List.copyOf(roc);
        precisionRecall = List.copyOf(precisionRecall);
    }

    /**
     * Returns the curves with at most {@code maxPoints} points each, for plotting. Points are kept by distance
     * travelled along the curve, so steep stretches (the top of the queue) keep their detail; the first and last
     * points are always kept.
     *
     * @throws IllegalArgumentException if {@code maxPoints} is below 2
     */
    public PerformanceCurves downsampled(int maxPoints) {
        if (maxPoints < 2) {
            throw new IllegalArgumentException("A curve needs at least 2 points to keep its ends, found maxPoints="
                    + maxPoints + ".");
        }
        return new PerformanceCurves(
                downsample(roc, RocPoint::falsePositiveRate, RocPoint::truePositiveRate, maxPoints),
                downsample(precisionRecall, PrecisionRecallPoint::recall, PrecisionRecallPoint::precision,
                        maxPoints));
    }

    private static <T> List<T> downsample(List<T> points, ToDoubleFunction<T> x, ToDoubleFunction<T> y,
                                          int maxPoints) {
        if (points.size() <= maxPoints) {
            return points;
        }
        double length = 0;
        for (int i = 1; i < points.size(); i++) {
            length += distance(points.get(i - 1), points.get(i), x, y);
        }
        // Each kept interior point lies at least `step` from the one kept before it, and those gaps add up to at
        // most the curve's length, so at most maxPoints - 2 interior points are kept.
        double step = length / (maxPoints - 2);
        List<T> kept = new ArrayList<>(maxPoints);
        T last = points.get(0);
        kept.add(last);
        for (int i = 1; i < points.size() - 1; i++) {
            T point = points.get(i);
            if (step > 0 && distance(last, point, x, y) >= step && kept.size() < maxPoints - 1) {
                kept.add(point);
                last = point;
            }
        }
        kept.add(points.get(points.size() - 1));
        return kept;
    }

    private static <T> double distance(T a, T b, ToDoubleFunction<T> x, ToDoubleFunction<T> y) {
        return Math.hypot(x.applyAsDouble(a) - x.applyAsDouble(b), y.applyAsDouble(a) - y.applyAsDouble(b));
    }
}
