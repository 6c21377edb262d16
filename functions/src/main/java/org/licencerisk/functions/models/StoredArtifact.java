package org.licencerisk.functions.models;

import java.util.regex.Pattern;

/**
 * Where a model artifact is stored and the digests it must have when it is read back.
 *
 * @param location       {@code s3://bucket/prefix/} or {@code file:/dir/}: the artifact's directory
 * @param modelSha256    SHA-256 of {@code model.tribuo}, hex
 * @param manifestSha256 SHA-256 of {@code manifest.json}, hex
 */
public record StoredArtifact(String location, String modelSha256, String manifestSha256) {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    public StoredArtifact {
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("An artifact location must not be blank.");
        }
        if (modelSha256 == null || !SHA256.matcher(modelSha256).matches()
                || manifestSha256 == null || !SHA256.matcher(manifestSha256).matches()) {
            throw new IllegalArgumentException("Artifact digests must be 64 lower-case hexadecimal digits.");
        }
    }
}
