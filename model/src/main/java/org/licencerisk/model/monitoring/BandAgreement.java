package org.licencerisk.model.monitoring;

import org.licencerisk.model.scoring.RiskBand;

/**
 * How one risk band of the recent period agrees with officers' decisions.
 *
 * @param band               the band
 * @param applications       recent applications scored into the band, decided or not
 * @param shareOfApplications their share of all recent applications
 * @param expectedShare      the share the band was given in the training period (from the band thresholds)
 * @param decisions          recent approved or refused applications in the band
 * @param refusals           of those, how many were refused
 * @param refusalRate        {@code refusals / decisions}: for HIGH, the share of HIGH-band scores officers refused;
 *                           NaN without decisions
 * @param shareOfRefusals    {@code refusals} divided by all recent refusals: for HIGH, the share of refusals the
 *                           model put in HIGH; NaN without refusals
 */
public record BandAgreement(RiskBand band, int applications, double shareOfApplications, double expectedShare,
                            int decisions, int refusals, double refusalRate, double shareOfRefusals) {
}
