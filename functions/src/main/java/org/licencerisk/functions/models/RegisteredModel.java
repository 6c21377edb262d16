package org.licencerisk.functions.models;

import org.licencerisk.model.artifact.ModelManifest;

import java.time.Instant;

/**
 * A model a scoring function has served.
 *
 * @param manifest     the model's manifest
 * @param registeredAt when a scoring function first loaded it
 */
public record RegisteredModel(ModelManifest manifest, Instant registeredAt) {
}
