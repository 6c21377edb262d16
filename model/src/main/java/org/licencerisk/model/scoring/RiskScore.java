package org.licencerisk.model.scoring;

import java.util.List;

/**
 * The scoring library's answer for one application.
 *
 * @param riskScore            the calibrated probability of refusal, 0 to 1
 * @param riskBand             the band the score falls in
 * @param modelVersion         the model that produced it
 * @param referenceDataVersion the reference data its features and red flags read
 * @param factors              the largest contributions, those raising the risk first, then those lowering it
 * @param redFlags             the rules that fired
 */
public record RiskScore(double riskScore, RiskBand riskBand, String modelVersion, String referenceDataVersion,
                        List<Factor> factors, List<RedFlag> redFlags) {

    public RiskScore {
        factors = List.copyOf(factors);
        redFlags = List.copyOf(redFlags);
    }
}
