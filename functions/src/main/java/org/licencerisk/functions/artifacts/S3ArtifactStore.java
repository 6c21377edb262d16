package org.licencerisk.functions.artifacts;

import org.licencerisk.functions.models.StoredArtifact;
import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.artifact.ModelArtifact;

import java.net.URI;
import java.nio.file.Path;

/**
 * Artifacts in S3: {@code s3://<bucket>/models/<modelVersion>/manifest.json} and {@code model.tribuo}. The bucket is
 * versioned, so a file overwritten by mistake or on purpose is kept; the registry's digests decide what is loaded.
 * The model file is written first and the manifest last, so a reader never finds a manifest without its model.
 */
public final class S3ArtifactStore implements ArtifactStore {

    private static final String PREFIX = "models/";

    private final S3Objects s3;
    private final String bucket;

    public S3ArtifactStore(S3Objects s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    @Override
    public StoredArtifact put(Path artifactDir) {
        ArtifactFiles files = ArtifactFiles.read(artifactDir);
        String prefix = PREFIX + files.modelVersion() + "/";
        s3.put(bucket, prefix + ModelArtifact.MODEL_FILE, files.model());
        s3.put(bucket, prefix + ModelArtifact.MANIFEST_FILE, files.manifest());
        return files.at("s3://" + bucket + "/" + prefix);
    }

    @Override
    public ModelArtifact load(StoredArtifact artifact) {
        URI uri = URI.create(artifact.location());
        if (!"s3".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new ArtifactException("The artifact location " + artifact.location() + " is not an s3:// location.");
        }
        String prefix = uri.getPath().replaceFirst("^/", "");
        byte[] manifest = s3.get(uri.getHost(), prefix + ModelArtifact.MANIFEST_FILE).orElseThrow(() -> missing(artifact));
        byte[] model = s3.get(uri.getHost(), prefix + ModelArtifact.MODEL_FILE).orElseThrow(() -> missing(artifact));
        return new ArtifactFiles(prefix, manifest, model).verifyAndLoad(artifact);
    }

    private static ArtifactException missing(StoredArtifact artifact) {
        return new ArtifactException("The artifact at " + artifact.location() + " is incomplete: a file is missing.");
    }
}
