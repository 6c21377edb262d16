package org.licencerisk.functions.scores;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.json.Json;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 of an application's canonical JSON: the parsed record written by the shared mapper, whose properties
 * are sorted, so that key order, white space and number spelling ({@code 4} or {@code 4.0}) do not change it.
 */
public final class InputHash {

    private InputHash() {
    }

    /** Returns the lower-case hex SHA-256 of the canonical JSON. */
    public static String of(LicenceApplication application) {
        try {
            byte[] canonical = Json.mapper().writeValueAsBytes(application);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An application could not be written as canonical JSON.", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM lacks SHA-256.", e);
        }
    }
}
