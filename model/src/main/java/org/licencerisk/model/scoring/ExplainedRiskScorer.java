package org.licencerisk.model.scoring;

import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.features.EncodedFeatures;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.redflags.RedFlagRules;
import org.licencerisk.model.reference.ReferenceData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The scorer behind every loaded artifact: features from the one feature definition, raw log-odds and exact
 * contributions from the model, Platt calibration, the band thresholds, and the red-flag rules.
 * <p>
 * Contributions are reported on the calibrated log-odds scale (multiplied by the calibration's slope), so the
 * factors and the baseline add up to the calibrated log-odds of the score. Immutable and thread-safe; no I/O.
 */
public final class ExplainedRiskScorer implements RiskScorer {

    /** Most factors raising the risk that a score lists. */
    public static final int MAX_UP = 5;
    /** Most factors lowering the risk that a score lists. */
    public static final int MAX_DOWN = 3;
    private static final double NEGLIGIBLE = 1e-6;

    private final ModelManifest manifest;
    private final FeatureDefinition definition;
    private final ReferenceData referenceData;
    private final LogOddsModel model;
    private final Calibration calibration;
    private final BandThresholds thresholds;
    private final FactorWording wording;
    private final RedFlagRules redFlags;

    /**
     * Creates a scorer.
     *
     * @throws IllegalArgumentException if the definition has features not tied to application fields, or reads
     *                                  other reference data than the one given
     */
    public ExplainedRiskScorer(ModelManifest manifest, FeatureDefinition definition, ReferenceData referenceData,
                               LogOddsModel model) {
        if (!definition.canScoreApplications()) {
            throw new IllegalArgumentException("Model " + manifest.modelVersion() + " cannot score API applications: "
                    + "its features " + definition.untiedFeatures() + " are not tied to application fields.");
        }
        if (!definition.referenceDataVersion().equals(referenceData.version())) {
            throw new IllegalArgumentException("Model " + manifest.modelVersion() + " was trained on reference data '"
                    + definition.referenceDataVersion() + "' but this build ships '" + referenceData.version() + "'.");
        }
        this.manifest = manifest;
        this.definition = definition;
        this.referenceData = referenceData;
        this.model = model;
        this.calibration = manifest.calibration();
        this.thresholds = manifest.bandThresholds();
        this.wording = new FactorWording(referenceData);
        this.redFlags = new RedFlagRules(referenceData);
    }

    @Override
    public RiskScore score(LicenceApplication application) {
        EncodedFeatures features = definition.features(application, referenceData);
        int n = features.size();
        double[] contributions = new double[n + 1];
        double logOdds = model.explain(features, contributions);
        double probability = calibration.probability(logOdds);
        return new RiskScore(probability, thresholds.band(probability), manifest.modelVersion(),
                referenceData.version(), factors(features, contributions), redFlags.evaluate(application));
    }

    /** Returns the encoded features of an application, as the model sees them. */
    public EncodedFeatures features(LicenceApplication application) {
        return definition.features(application, referenceData);
    }

    private List<Factor> factors(EncodedFeatures features, double[] contributions) {
        List<Factor> up = new ArrayList<>();
        List<Factor> down = new ArrayList<>();
        String[] names = features.names();
        double slope = calibration.slope();
        for (int i = 0; i < names.length; i++) {
            double c = contributions[i] * slope;
            if (c > NEGLIGIBLE) {
                up.add(new Factor(names[i], c, wording.sentence(names[i], features.values()[i])));
            } else if (c < -NEGLIGIBLE) {
                down.add(new Factor(names[i], c, wording.sentence(names[i], features.values()[i])));
            }
        }
        up.sort(Comparator.comparingDouble(Factor::contribution).reversed().thenComparing(Factor::feature));
        down.sort(Comparator.comparingDouble(Factor::contribution).thenComparing(Factor::feature));
        List<Factor> result = new ArrayList<>(MAX_UP + MAX_DOWN);
        result.addAll(up.subList(0, Math.min(MAX_UP, up.size())));
        result.addAll(down.subList(0, Math.min(MAX_DOWN, down.size())));
        return result;
    }

    @Override
    public ModelManifest manifest() {
        return manifest;
    }
}
