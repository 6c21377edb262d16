package org.licencerisk.functions.shadow;

import org.licencerisk.model.scoring.RiskBand;

/**
 * An application whose band would change if the model replaced the baseline.
 *
 * @param applicationId the application
 * @param baselineBand  the baseline's band
 * @param modelBand     the model's band
 * @param baselineScore the baseline's score
 * @param modelScore    the model's score
 */
public record BandChange(String applicationId, RiskBand baselineBand, RiskBand modelBand, double baselineScore,
                         double modelScore) {
}
