package org.licencerisk.model.scoring;

/**
 * The score thresholds of the bands, chosen from the training period's calibrated scores.
 *
 * @param medium       the lowest score in band MEDIUM
 * @param high         the lowest score in band HIGH
 * @param highShare    the share of training-period applications the HIGH threshold was chosen to hold
 * @param mediumShare  the share of training-period applications at or above the MEDIUM threshold
 */
public record BandThresholds(double medium, double high, double highShare, double mediumShare) {

    public BandThresholds {
        if (!(medium >= 0 && medium <= high && high <= 1)) {
            throw new IllegalArgumentException("Band thresholds must satisfy 0 <= medium <= high <= 1, found medium="
                    + medium + " and high=" + high + ".");
        }
    }

    /** Returns the band of a score. */
    public RiskBand band(double score) {
        return score >= high ? RiskBand.HIGH : score >= medium ? RiskBand.MEDIUM : RiskBand.LOW;
    }
}
