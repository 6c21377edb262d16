package org.licencerisk.functions.models;

import org.licencerisk.model.artifact.ModelManifest;

import java.time.Instant;

/**
 * One deployed model with its full manifest (schema {@code ModelDetail} in {@code openapi.yaml}).
 *
 * @param modelVersion the model's version
 * @param registeredAt    when it was registered
 * @param current         whether it is the champion
 * @param status          its registry status
 * @param registeredBy    who registered it
 * @param statusChangedAt when its status last changed
 * @param statusChangedBy who last changed its status
 * @param artifactSha256  SHA-256 of its stored model file, or {@code null} when only a deployment package holds it
 * @param comparison      its comparison with the champion on the same held-out period (a model registered by
 *                        retraining), or {@code null}
 * @param manifest        the manifest: trainer, features, calibration, thresholds, training data and metrics
 */
public record ModelDetail(String modelVersion, Instant registeredAt, boolean current, ModelStatus status,
                          String registeredBy, Instant statusChangedAt, String statusChangedBy, String artifactSha256,
                          HeldOutComparison comparison, ModelManifest manifest) {
}
