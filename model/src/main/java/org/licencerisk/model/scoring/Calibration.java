package org.licencerisk.model.scoring;

/**
 * Platt scaling of a model's raw log-odds of refusal: {@code p = 1 / (1 + exp(-(slope * logOdds + intercept)))}.
 * Fitted on the last part of the training period, never on the test period.
 *
 * @param slope     the multiplier of the raw log-odds
 * @param intercept the offset
 */
public record Calibration(double slope, double intercept) {

    /** The calibration that leaves raw probabilities as they are. */
    public static final Calibration IDENTITY = new Calibration(1.0, 0.0);

    public Calibration {
        if (!Double.isFinite(slope) || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("A calibration needs finite parameters, found slope=" + slope
                    + " and intercept=" + intercept + ".");
        }
    }

    /** Returns the calibrated probability of refusal for raw log-odds. */
    public double probability(double rawLogOdds) {
        return 1.0 / (1.0 + Math.exp(-(slope * rawLogOdds + intercept)));
    }
}
