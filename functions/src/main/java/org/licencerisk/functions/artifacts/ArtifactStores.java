package org.licencerisk.functions.artifacts;

import org.licencerisk.functions.config.ApiConfig;

import java.util.Optional;

/** Builds the artifact store the configuration names: S3 when a bucket is set, else a local directory, else none. */
public final class ArtifactStores {

    private ArtifactStores() {
    }

    /** Returns the configured store, or empty when neither a bucket nor a directory is configured. */
    public static Optional<ArtifactStore> create(ApiConfig config) {
        if (config.artifactBucket() != null) {
            S3Objects s3 = S3Objects.create(config);
            return Optional.of(new S3ArtifactStore(s3, config.artifactBucket()));
        }
        if (config.artifactDir() != null) {
            return Optional.of(new LocalArtifactStore(config.artifactDir()));
        }
        return Optional.empty();
    }
}
