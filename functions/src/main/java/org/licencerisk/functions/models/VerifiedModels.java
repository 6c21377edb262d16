package org.licencerisk.functions.models;

import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.scoring.RiskScorer;

import java.util.Optional;

/**
 * Loads a registered model for scoring, verified: the registry's model item names the artifact, the store fetches it
 * and checks it against the registry's digests and its manifest, and the loaded model must carry the version asked
 * for. The one way the scoring path ({@link ChampionModel}) and the re-scoring job get a champion's scorer.
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
        RegisteredModel model = registry.find(version).orElseThrow(() -> new ArtifactException(
                "The champion " + version + " is not registered."));
        if (model.artifact() == null) {
            throw new ArtifactException("The champion " + version + " has no stored artifact; only a deployment "
                    + "package holds it" + (bundled == null ? "." : ", and this one holds "
                    + bundled.manifest().modelVersion() + "."));
        }
        ArtifactStore artifacts = store.orElseThrow(() -> new ArtifactException(
                "No artifact store is configured, so the champion " + version + " cannot be loaded."));
        RiskScorer scorer = artifacts.load(model.artifact()).scorer();
        if (!scorer.manifest().modelVersion().equals(version)) {
            throw new ArtifactException("The artifact registered for " + version + " holds model "
                    + scorer.manifest().modelVersion() + ".");
        }
        return scorer;
    }
}
