package org.licencerisk.functions.artifacts;

import org.licencerisk.functions.models.StoredArtifact;
import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.io.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Artifacts in a local directory (local mode): {@code <root>/<modelVersion>/manifest.json} and {@code model.tribuo},
 * each version written into a temporary sibling and moved into place whole.
 */
public final class LocalArtifactStore implements ArtifactStore {

    private final Path root;

    public LocalArtifactStore(Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public StoredArtifact put(Path artifactDir) {
        ArtifactFiles files = ArtifactFiles.read(artifactDir);
        Path target = root.resolve(files.modelVersion());
        // A directory's URI ends in '/' only once it exists: write it with the slash either way.
        String uri = target.toUri().toString();
        StoredArtifact stored = files.at(uri.endsWith("/") ? uri : uri + "/");
        if (Files.isDirectory(target)) {
            // Stored before: harmless when it is the same artifact, refused when it is not.
            files(target).verifyAndLoad(stored);
            return stored;
        }
        Path tmp = null;
        try {
            Files.createDirectories(root);
            tmp = Files.createTempDirectory(root, "." + files.modelVersion() + ".");
            Files.write(tmp.resolve(ModelArtifact.MANIFEST_FILE), files.manifest());
            Files.write(tmp.resolve(ModelArtifact.MODEL_FILE), files.model());
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            return stored;
        } catch (IOException e) {
            throw new UncheckedIOException("The artifact could not be stored in " + root + ".", e);
        } finally {
            if (tmp != null && Files.exists(tmp)) {
                AtomicFiles.deleteTreeQuietly(tmp);
            }
        }
    }

    @Override
    public ModelArtifact load(StoredArtifact artifact) {
        Path dir;
        try {
            dir = Path.of(URI.create(artifact.location()));
        } catch (IllegalArgumentException e) {
            throw new ArtifactException("The artifact location " + artifact.location() + " is not a local directory.", e);
        }
        return files(dir).verifyAndLoad(artifact);
    }

    private static ArtifactFiles files(Path dir) {
        try {
            return new ArtifactFiles(dir.getFileName().toString(), Files.readAllBytes(dir.resolve(ModelArtifact.MANIFEST_FILE)),
                    Files.readAllBytes(dir.resolve(ModelArtifact.MODEL_FILE)));
        } catch (NoSuchFileException e) {
            throw new ArtifactException("The artifact at " + dir + " is incomplete: " + e.getFile() + " is missing.", e);
        } catch (IOException e) {
            throw new ArtifactException("The artifact at " + dir + " could not be read.", e);
        }
    }
}
