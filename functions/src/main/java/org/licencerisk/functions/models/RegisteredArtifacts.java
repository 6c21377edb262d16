package org.licencerisk.functions.models;

import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.artifact.ModelArtifact;

import java.util.Optional;

/**
 * Loads a registered model's stored artifact, verified against the registry's digests and the manifest: the one way
 * the scoring side ({@link ChampionModel}, {@link ShadowModels}) and batch jobs (the drift report) load a registered
 * model.
 */
public final class RegisteredArtifacts {

    private RegisteredArtifacts() {
    }

    /**
     * Loads the stored artifact of {@code version}.
     *
     * @param role how messages name the model, e.g. {@code champion}
     * @throws ArtifactException when the model is not registered, has no stored artifact, no store is configured, or
     *                           its artifact is missing, fails verification or holds another version
     */
    public static ModelArtifact load(ModelRegistry registry, Optional<ArtifactStore> store, String version,
                                     String role) {
        RegisteredModel model = registry.find(version).orElseThrow(() -> new ArtifactException(
                "The " + role + " " + version + " is not registered."));
        return load(model, store, role);
    }

    /**
     * Loads a registered model's artifact: the deployment package's ({@code MODEL_DIR}) when the model has no stored
     * artifact and that directory holds it (the first champion, registered by the scoring function), else the stored
     * one, verified.
     *
     * @param bundledModelDir the deployment package's model directory, if this process has one
     * @throws ArtifactException as {@link #load(RegisteredModel, Optional, String)}, or when the bundled model fails
     *                           its own checks
     */
    public static ModelArtifact loadOrBundled(RegisteredModel model, Optional<ArtifactStore> store,
                                              Optional<java.nio.file.Path> bundledModelDir, String role) {
        if (model.artifact() == null && bundledModelDir.isPresent()) {
            ModelArtifact bundled = ModelArtifact.load(bundledModelDir.get());
            if (bundled.manifest().modelVersion().equals(model.manifest().modelVersion())) {
                return bundled;
            }
        }
        return load(model, store, role);
    }

    /**
     * Loads the stored artifact of a registered model.
     *
     * @param role how messages name the model, e.g. {@code champion}
     * @throws ArtifactException when the model has no stored artifact, no store is configured, or its artifact is
     *                           missing, fails verification or holds another version
     */
    public static ModelArtifact load(RegisteredModel model, Optional<ArtifactStore> store, String role) {
        String version = model.manifest().modelVersion();
        if (model.artifact() == null) {
            throw new ArtifactException("The " + role + " " + version + " has no stored artifact; only a deployment "
                    + "package holds it.");
        }
        ArtifactStore artifacts = store.orElseThrow(() -> new ArtifactException(
                "No artifact store is configured, so the " + role + " " + version + " cannot be loaded."));
        ModelArtifact artifact = artifacts.load(model.artifact());
        if (!artifact.manifest().modelVersion().equals(version)) {
            throw new ArtifactException("The artifact registered for " + version + " holds model "
                    + artifact.manifest().modelVersion() + ".");
        }
        return artifact;
    }
}
