package org.licencerisk.functions.artifacts;

import org.licencerisk.functions.models.StoredArtifact;
import org.licencerisk.model.artifact.ModelArtifact;

import java.nio.file.Path;

/** Stores model artifacts (a manifest and a model file) and reads them back, verified. Thread-safe. */
public interface ArtifactStore {

    /**
     * Verifies the artifact in {@code artifactDir} (it must load) and stores both files under its model version.
     * Storing the same artifact again is harmless.
     *
     * @return where it is stored, with the digests to check when it is read back
     */
    StoredArtifact put(Path artifactDir);

    /**
     * Reads a stored artifact and loads it.
     *
     * @throws org.licencerisk.model.artifact.ArtifactException when a file is missing, differs from the digests the
     *                                                          registry holds, or does not load
     */
    ModelArtifact load(StoredArtifact artifact);
}
