package org.licencerisk.functions.models;

import org.licencerisk.model.artifact.ModelManifest;

import java.time.Instant;

/**
 * A model in the registry.
 *
 * @param manifest        the model's manifest
 * @param registeredAt    when it was registered
 * @param registeredBy    who registered it: a person's subject, a tool, or {@code scoring-function} for a model a
 *                        scoring function found in its deployment package
 * @param status          its status
 * @param statusRevision  the champion pointer's revision that last set the status (0 when registered)
 * @param statusChangedAt when the status last changed
 * @param statusChangedBy who last changed the status (who promoted it, or who promoted its successor)
 * @param artifact        where its artifact is stored, or {@code null} for a model only in a deployment package
 * @param comparison      its comparison with the champion on the same held-out period, or {@code null} for a model
 *                        not registered by retraining
 */
public record RegisteredModel(ModelManifest manifest, Instant registeredAt, String registeredBy, ModelStatus status,
                              long statusRevision, Instant statusChangedAt, String statusChangedBy,
                              StoredArtifact artifact, HeldOutComparison comparison) {
}
