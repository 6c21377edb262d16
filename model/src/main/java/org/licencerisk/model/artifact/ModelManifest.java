package org.licencerisk.model.artifact;

import org.licencerisk.model.evaluation.EvaluationMetrics;
import org.licencerisk.model.features.FeatureCross;
import org.licencerisk.model.features.FeatureSpec;
import org.licencerisk.model.scoring.BandThresholds;
import org.licencerisk.model.scoring.Calibration;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to trust, trace and load a model: written as {@code manifest.json} next to the protobuf model.
 *
 * @param formatVersion         the artifact format version
 * @param modelVersion          the model's version id, e.g. {@code logistic-20261129T101500Z-3f2a9c1e}
 * @param createdAt             when it was trained
 * @param trainer               the trainer's name ({@code logistic} or {@code xgboost})
 * @param hyperparameters       the trainer's settings, as text
 * @param seed                  the random seed training used
 * @param features              the feature definition's specs
 * @param crosses               the feature definition's crosses (empty for none; absent in older manifests)
 * @param encodingVersion       the feature encoding version the model was trained under
 * @param featureFingerprint    the feature definition's fingerprint
 * @param referenceDataVersion  the reference data the features read
 * @param calibration           the Platt calibration of the raw log-odds
 * @param bandThresholds        the band thresholds, from the training period
 * @param training              what it was trained on
 * @param metrics               its metrics on the test period
 * @param trainingDataSha256    SHA-256 of the training data file
 * @param modelFileSha256       SHA-256 of the protobuf model file
 * @param tribuoProvenance      Tribuo's provenance of the model, as JSON text
 * @param selection             how the settings were chosen on the validation period, or {@code null} for a model
 *                              trained with fixed settings (and in older manifests)
 */
public record ModelManifest(int formatVersion, String modelVersion, Instant createdAt, String trainer,
                            Map<String, String> hyperparameters, long seed, List<FeatureSpec> features,
                            List<FeatureCross> crosses,
                            int encodingVersion, String featureFingerprint, String referenceDataVersion,
                            Calibration calibration, BandThresholds bandThresholds, TrainingSummary training,
                            EvaluationMetrics metrics, String trainingDataSha256, String modelFileSha256,
                            String tribuoProvenance, ModelSelection selection) {

    /** The artifact format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public ModelManifest {
        hyperparameters = Map.copyOf(hyperparameters);
        features = List.copyOf(features);
        crosses = crosses == null ? List.of() : List.copyOf(crosses);
    }
}
