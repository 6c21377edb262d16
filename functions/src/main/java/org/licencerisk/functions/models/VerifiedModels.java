package org.licencerisk.functions.models;

import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.scoring.RiskScorer;

import java.util.Optional;

/**
 * Loads a champion for scoring: the deployment package's model when the version is that one, otherwise the registered
 * artifact, verified by {@link RegisteredArtifacts} (the registry's digests, the manifest, the version). The one way
 * the scoring path ({@link ChampionModel}) and the re-scoring job get a champion's scorer.
 * Thread-safe.
 */
public final class VerifiedModels {

    private final RiskScorer bundled;
    private final ModelRegistry registry;
    private final Optional<ArtifactStore> store;

    /**
     * @param bundled the model of the deployment package (served without a fetch when asked for), or {@code null}
     * @param store   where registered artifacts are, or empty (then only the bundled model can be loaded)
     */
    public VerifiedModels(RiskScorer bundled, ModelRegistry registry, Optional<ArtifactStore> store) {
        this.bundled = bundled;
        this.registry = registry;
        this.store = store;
    }

    /**
     * Returns the scorer of {@code version}.
     *
     * @throws ArtifactException when the model is not registered, has no stored artifact (and is not the bundled
     *                           one), no store is configured, or its artifact fails verification
     */
    public RiskScorer load(String version) {
        if (bundled != null && version.equals(bundled.manifest().modelVersion())) {
            return bundled;
        }
        return RegisteredArtifacts.load(registry, store, version, "champion").scorer();
    }
}
