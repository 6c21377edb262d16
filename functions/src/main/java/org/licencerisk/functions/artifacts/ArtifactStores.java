package org.licencerisk.functions.artifacts;

import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.storage.DynamoDbClientFactory;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

import java.time.Duration;
import java.util.Optional;

/** Builds the artifact store the configuration names: S3 when a bucket is set, else a local directory, else none. */
public final class ArtifactStores {

    private ArtifactStores() {
    }

    /** Returns the configured store, or empty when neither a bucket nor a directory is configured. */
    public static Optional<ArtifactStore> create(ApiConfig config) {
        if (config.artifactBucket() != null) {
            S3Objects s3 = new S3Objects(Apache5HttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(2))
                    .socketTimeout(Duration.ofSeconds(20))
                    .build(), DynamoDbClientFactory.credentials(config.s3Endpoint() != null), config.region(),
                    config.s3Endpoint());
            return Optional.of(new S3ArtifactStore(s3, config.artifactBucket()));
        }
        if (config.artifactDir() != null) {
            return Optional.of(new LocalArtifactStore(config.artifactDir()));
        }
        return Optional.empty();
    }
}
