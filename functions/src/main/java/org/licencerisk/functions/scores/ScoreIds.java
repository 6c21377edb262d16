package org.licencerisk.functions.scores;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one definition of a score's id: a score is identified by the content it scored and the model that scored it.
 * <p>
 * {@code scoreId} = the first 32 lower-case hex digits of SHA-256 over the UTF-8 bytes of
 * {@code inputHash + "\n" + modelVersion}, where {@code inputHash} is {@link InputHash#of} (64 hex digits) and
 * {@code modelVersion} the version of the model whose score it is. The separator cannot occur in either part, so no
 * two pairs give the same input. The same content scored by the same model always gets the same id (which makes
 * {@code POST /v1/scores} idempotent and a re-scoring safe to repeat); the same content scored by another model gets
 * another id, and so a new entry in the application's history.
 */
public final class ScoreIds {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private ScoreIds() {
    }

    /**
     * Returns the id of the score that {@code modelVersion} gives to the content hashed as {@code inputHash}.
     *
     * @throws IllegalArgumentException when the hash is not 64 lower-case hex digits or the version is blank
     */
    public static String of(String inputHash, String modelVersion) {
        return of(inputHash, modelVersion, null);
    }

    /**
     * Returns the id of the score that {@code modelVersion} gives to the content hashed as {@code inputHash}, screened
     * against denial register {@code registerVersion}: SHA-256 over {@code inputHash + "\n" + modelVersion + "\n" +
     * registerVersion}, so that the same content screened against a changed register is a new entry in the history.
     * Without a register version ({@code null}: not screened) the id is {@link #of(String, String)}'s.
     *
     * @throws IllegalArgumentException when the hash is not 64 lower-case hex digits or a version is blank
     */
    public static String of(String inputHash, String modelVersion, String registerVersion) {
        if (inputHash == null || !HASH.matcher(inputHash).matches()) {
            throw new IllegalArgumentException("An input hash must be 64 lower-case hex digits (a SHA-256).");
        }
        if (modelVersion == null || modelVersion.isBlank() || modelVersion.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("A model version must be a non-blank single line.");
        }
        if (registerVersion != null && (registerVersion.isBlank() || registerVersion.indexOf('\n') >= 0)) {
            throw new IllegalArgumentException("A register version must be a non-blank single line.");
        }
        String input = inputHash + "\n" + modelVersion + (registerVersion == null ? "" : "\n" + registerVersion);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(input.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks SHA-256.", e);
        }
    }
}
