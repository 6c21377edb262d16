/**
 * The model registry: each scoring function registers the manifest of the model it serves; {@code GET /v1/models}
 * lists what has been deployed, newest first, with metrics, and {@code GET /v1/models/{modelVersion}} returns a
 * full manifest.
 */
package org.licencerisk.functions.models;
