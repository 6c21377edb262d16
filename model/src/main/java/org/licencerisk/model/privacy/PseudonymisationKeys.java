package org.licencerisk.model.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads a pseudonymisation key from a source the caller names: base64 text, or a file holding base64 text (as
 * {@code openssl rand -base64 32 > key.b64} writes it). The caller decides where the text comes from (local
 * configuration, AWS Secrets Manager or SSM); nothing here reads the environment. Messages never quote the key.
 */
public final class PseudonymisationKeys {

    /** The largest key file read, in bytes: a key is short, anything longer is the wrong file. */
    static final int MAX_FILE_BYTES = 4096;

    private PseudonymisationKeys() {
    }

    /**
     * Decodes a key given as base64 (standard or URL-safe alphabet; surrounding white space is ignored).
     *
     * @return the key bytes; check the length with {@link Pseudonymiser#Pseudonymiser(byte[])}
     * @throws IllegalArgumentException if the text is missing or not base64
     */
    public static byte[] fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("The pseudonymisation key is missing: give it as base64 text.");
        }
        String text = base64.strip();
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException standard) {
            try {
                return Base64.getUrlDecoder().decode(text);
            } catch (IllegalArgumentException urlSafe) {
                // The decoder's own message quotes a character of the key: report without it and without the cause.
                throw new IllegalArgumentException("The pseudonymisation key is not valid base64 text.");
            }
        }
    }

    /**
     * Reads a key file holding the key as base64 text.
     *
     * @throws IllegalArgumentException if the file is larger than a key file can be or does not hold base64 text
     * @throws IOException              if the file cannot be read
     */
    public static byte[] fromFile(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        try {
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IllegalArgumentException("The pseudonymisation key file " + file.getFileName()
                        + " is longer than " + MAX_FILE_BYTES + " bytes; it should hold only the key as base64 text.");
            }
            try {
                return fromBase64(new String(bytes, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("The pseudonymisation key file " + file.getFileName()
                        + " must hold the key as base64 text, e.g. written by 'openssl rand -base64 32'.");
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
