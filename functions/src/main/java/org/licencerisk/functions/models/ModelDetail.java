package org.licencerisk.functions.models;

import org.licencerisk.model.artifact.ModelManifest;

import java.time.Instant;

/**
 * One deployed model with its full manifest (schema {@code ModelDetail} in {@code openapi.yaml}).
 *
 * @param modelVersion the model's version
 * @param registeredAt when a scoring function first served it
 * @param current      whether it is the most recently deployed model
 * @param manifest     the manifest: trainer, features, calibration, thresholds, training data and metrics
 */
public record ModelDetail(String modelVersion, Instant registeredAt, boolean current, ModelManifest manifest) {
}
