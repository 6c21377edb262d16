package org.licencerisk.model.features;

/** A fixed transformation of a numeric value, part of the feature definition. */
public enum Transform {
    /** The value as it is. */
    NONE,
    /** {@code ln(1 + max(0, x))}: for money and counts, whose effect grows with the order of magnitude. */
    LOG1P;

    /** Applies the transformation. */
    public double apply(double x) {
        return switch (this) {
            case NONE -> x;
            case LOG1P -> Math.log1p(Math.max(0.0, x));
        };
    }
}
