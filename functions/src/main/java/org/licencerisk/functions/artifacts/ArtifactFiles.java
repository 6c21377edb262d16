package org.licencerisk.functions.artifacts;

import org.licencerisk.functions.models.StoredArtifact;
import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The two files of an artifact as bytes: read from a directory, checked against digests, loaded. */
record ArtifactFiles(String modelVersion, byte[] manifest, byte[] model) {

    /** Loads (so verifies) the artifact in a directory and reads its two files. */
    static ArtifactFiles read(Path dir) {
        ModelArtifact artifact = ModelArtifact.load(dir);
        try {
            return new ArtifactFiles(artifact.manifest().modelVersion(),
                    Files.readAllBytes(dir.resolve(ModelArtifact.MANIFEST_FILE)),
                    Files.readAllBytes(dir.resolve(ModelArtifact.MODEL_FILE)));
        } catch (IOException e) {
            throw new UncheckedIOException("The artifact in " + dir + " could not be read.", e);
        }
    }

    /** The stored form at {@code location}. */
    StoredArtifact at(String location) {
        return new StoredArtifact(location, AtomicFiles.sha256(model), AtomicFiles.sha256(manifest));
    }

    /**
     * Checks both files against the registry's digests, then loads the model from a private temporary directory.
     *
     * @throws ArtifactException when a digest differs or the artifact does not load
     */
    ModelArtifact verifyAndLoad(StoredArtifact expected) {
        if (!AtomicFiles.sha256(model).equals(expected.modelSha256())
                || !AtomicFiles.sha256(manifest).equals(expected.manifestSha256())) {
            throw new ArtifactException("The artifact at " + expected.location()
                    + " differs from the digests in the model registry: it was altered and is refused.");
        }
        Path dir = null;
        try {
            dir = Files.createTempDirectory("licence-risk-artifact-");
            Files.write(dir.resolve(ModelArtifact.MANIFEST_FILE), manifest);
            Files.write(dir.resolve(ModelArtifact.MODEL_FILE), model);
            return ModelArtifact.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("No temporary directory to load a model artifact from.", e);
        } finally {
            AtomicFiles.deleteTreeQuietly(dir);
        }
    }
}
