package org.licencerisk.functions.export;

import org.licencerisk.functions.artifacts.S3Objects;
import org.licencerisk.model.io.AtomicFiles;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Reads a completed export back from the export bucket into one JSON Lines file: the manifest, then each part in
 * order, each checked against the manifest's SHA-256 before it is appended. The file is written to a temporary sibling
 * and moved into place whole. Retraining uses it to train on an export the export function made.
 */
public final class S3ExportReader {

    private final S3Objects s3;
    private final String bucket;

    public S3ExportReader(S3Objects s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /**
     * Writes export {@code exportId}'s rows to {@code target}.
     *
     * @param keyId the key id the caller pseudonymises with; the export must have been made with the same key
     * @return the export's counts, from its manifest
     * @throws IllegalArgumentException when the export has no manifest (unknown or not complete) or another key
     * @throws IllegalStateException    when a part is missing or differs from its digest in the manifest
     */
    public ExportSummary read(String exportId, Path target, String keyId) {
        String prefix = ExportJobService.prefix(new ExportRequest(exportId, null).exportId());
        byte[] manifestBytes = s3.get(bucket, prefix + ExportJobService.MANIFEST).orElseThrow(() ->
                new IllegalArgumentException("Export " + exportId + " has no manifest in bucket " + bucket
                        + ": it does not exist or is not complete yet (invoke the export function until COMPLETE)."));
        ExportManifest manifest;
        try {
            manifest = Json.mapper().readValue(manifestBytes, ExportManifest.class);
        } catch (IOException e) {
            throw new IllegalStateException("The manifest of export " + exportId + " is not readable.", e);
        }
        if (!manifest.keyId().equals(keyId)) {
            throw new IllegalArgumentException("Export " + exportId + " was pseudonymised with another key (key id "
                    + manifest.keyId() + ", this one's is " + keyId + "); its pseudonyms would not match.");
        }
        try {
            AtomicFiles.write(target, out -> {
                for (ExportPart part : manifest.parts()) {
                    byte[] bytes = s3.get(bucket, part.key()).orElseThrow(() -> new IllegalStateException(
                            "Part " + part.key() + " of export " + exportId + " is missing."));
                    if (!AtomicFiles.sha256(bytes).equals(part.sha256())) {
                        throw new IllegalStateException("Part " + part.key() + " differs from the SHA-256 in the "
                                + "manifest of export " + exportId + "; it was changed after the export.");
                    }
                    out.write(bytes);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Export " + exportId + " could not be written to " + target + ".", e);
        }
        return new ExportSummary(manifest.decided(), manifest.exported(), manifest.withoutContent());
    }
}
