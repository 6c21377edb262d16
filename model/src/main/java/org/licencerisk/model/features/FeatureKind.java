package org.licencerisk.model.features;

/** How a raw value becomes model features. */
public enum FeatureKind {
    /** One string value; encoded as an indicator feature {@code name=value}. */
    CATEGORICAL,
    /** A set of string values; one indicator feature per value. */
    MULTI_CATEGORICAL,
    /** A finite number; encoded as one feature carrying the (transformed) value. */
    NUMERIC,
    /** True or false; encoded as an indicator feature present when true. */
    BOOLEAN
}
