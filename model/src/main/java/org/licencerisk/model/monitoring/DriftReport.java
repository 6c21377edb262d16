package org.licencerisk.model.monitoring;

import org.licencerisk.model.scoring.RiskBand;

import java.time.Instant;
import java.util.List;

/**
 * A drift report: recent applications against the model's baseline (its training data or a sample of it).
 * Its JSON form ({@code drift.json}) has exactly these properties.
 *
 * @param modelVersion         the model's version
 * @param trainer              the model's trainer
 * @param referenceDataVersion the reference data the features read
 * @param featureFingerprint   the fingerprint of the feature definition both periods were read with
 * @param generatedAt          when the report was made
 * @param baseline             the baseline period
 * @param recent               the recent period
 * @param scorePsi             the population stability index of the calibrated scores, over baseline deciles
 * @param scoreStatus          its reading
 * @param scoreBins            the score bins
 * @param features             every feature's drift, in the order of the feature definition
 * @param bandAgreement        per band (HIGH, MEDIUM, LOW): its share of the recent period and its agreement with
 *                             officers' recent decisions
 */
public record DriftReport(String modelVersion, String trainer, String referenceDataVersion, String featureFingerprint,
                          Instant generatedAt, DriftPeriod baseline, DriftPeriod recent, double scorePsi,
                          DriftStatus scoreStatus, List<DriftBin> scoreBins, List<FeatureDrift> features,
                          List<BandAgreement> bandAgreement) {

    public DriftReport {
        scoreBins = List.copyOf(scoreBins);
        features = List.copyOf(features);
        bandAgreement = List.copyOf(bandAgreement);
    }

    /** Returns the agreement row of a band. */
    public BandAgreement band(RiskBand band) {
        return bandAgreement.stream().filter(b -> b.band() == band).findFirst().orElseThrow(
                () -> new IllegalArgumentException("The report has no row for the band " + band + "."));
    }

    /** Returns the features with a significant shift, the largest index first. */
    public List<FeatureDrift> significantFeatures() {
        return features.stream().filter(f -> f.status() == DriftStatus.SIGNIFICANT)
                .sorted((a, b) -> Double.compare(b.psi(), a.psi())).toList();
    }
}
