package org.licencerisk.functions.models;

import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.scoring.RiskScorer;

import java.util.Optional;

/**
 * Loads a registered model's stored artifact the one way every serving path does (the champion and shadow models):
 * the store checks both files against the registry's digests, the loader checks the model file against the
 * manifest, and the loaded model must carry the version it is registered under.
 */
public final class VerifiedArtifacts {

    private VerifiedArtifacts() {
    }

    /**
     * Loads and verifies {@code model}'s artifact.
     *
     * @param role how messages name the model, e.g. {@code champion} or {@code shadow model}
     * @throws ArtifactException when it has no stored artifact, no store is configured, or verification fails
     */
    public static RiskScorer load(RegisteredModel model, Optional<ArtifactStore> store, String role) {
        String version = model.manifest().modelVersion();
        if (model.artifact() == null) {
            throw new ArtifactException("The " + role + " " + version + " has no stored artifact.");
        }
        ArtifactStore artifacts = store.orElseThrow(() -> new ArtifactException(
                "No artifact store is configured, so the " + role + " " + version + " cannot be loaded."));
        RiskScorer scorer = artifacts.load(model.artifact()).scorer();
        if (!scorer.manifest().modelVersion().equals(version)) {
            throw new ArtifactException("The artifact registered for " + version + " holds model "
                    + scorer.manifest().modelVersion() + ".");
        }
        return scorer;
    }
}
