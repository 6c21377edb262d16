package org.licencerisk.model.monitoring;

/**
 * The usual reading of a population stability index: below 0.1 stable, 0.1 to 0.25 a moderate shift worth watching,
 * above 0.25 a significant shift that calls for a look at the data and, likely, retraining.
 */
public enum DriftStatus {
    STABLE,
    MODERATE,
    SIGNIFICANT;

    /** The lowest index read as a moderate shift. */
    public static final double MODERATE_FROM = 0.1;
    /** The index above which a shift is significant. */
    public static final double SIGNIFICANT_ABOVE = 0.25;

    /** Returns the reading of an index. */
    public static DriftStatus of(double psi) {
        if (psi > SIGNIFICANT_ABOVE) {
            return SIGNIFICANT;
        }
        return psi >= MODERATE_FROM ? MODERATE : STABLE;
    }
}
