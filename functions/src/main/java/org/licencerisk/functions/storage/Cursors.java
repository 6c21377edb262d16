package org.licencerisk.functions.storage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import org.licencerisk.model.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Opaque pagination cursors: a DynamoDB {@code LastEvaluatedKey} of string attributes (plus, where a list spans
 * several partitions, the partition) as base64url JSON. Decoding checks the exact attribute names, so a tampered
 * cursor is a 400, never a DynamoDB error.
 */
public final class Cursors {

    private static final int MAX_LENGTH = 2048;
    private static final int MAX_VALUE_BYTES = 1024;
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private Cursors() {
    }

    /** Encodes a key of string attributes, with optional extra fields, or returns {@code null} for no key. */
    public static String encode(Map<String, AttributeValue> key, Map<String, String> extra) {
        if (key == null || key.isEmpty()) {
            if (extra.isEmpty()) {
                return null;
            }
        }
        Map<String, String> flat = new TreeMap<>(extra);
        if (key != null) {
            key.forEach((k, v) -> flat.put(k, v.s()));
        }
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.mapper().writeValueAsBytes(flat));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A cursor could not be encoded.", e);
        }
    }

    /**
     * Decodes a cursor whose fields must be exactly {@code names}.
     *
     * @throws InvalidCursorException when it is malformed or belongs to another list
     */
    public static Map<String, String> decode(String cursor, Set<String> names) {
        return decodeOneOf(cursor, java.util.List.of(names));
    }

    /**
     * Decodes a cursor whose fields must be exactly one of the given sets of names.
     *
     * @throws InvalidCursorException when it is malformed or belongs to another list
     */
    public static Map<String, String> decodeOneOf(String cursor, java.util.List<Set<String>> shapes) {
        if (cursor.length() > MAX_LENGTH) {
            throw invalid();
        }
        Map<String, String> fields;
        try {
            byte[] json = Base64.getUrlDecoder().decode(cursor);
            fields = Json.mapper().readValue(new String(json, StandardCharsets.UTF_8), MAP);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw invalid();
        }
        // DynamoDB refuses (with a ValidationException, a 500 here) key values over 1,024 bytes, the sort key limit.
        if (fields == null || !shapes.contains(fields.keySet()) || fields.values().stream().anyMatch(v -> v == null
                || v.isEmpty() || v.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES)) {
            throw invalid();
        }
        return fields;
    }

    /** Turns decoded fields back into a DynamoDB key of string attributes. */
    public static Map<String, AttributeValue> key(Map<String, String> fields, Set<String> keyNames) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (String name : keyNames) {
            key.put(name, AttributeValue.fromS(fields.get(name)));
        }
        return key;
    }

    private static InvalidCursorException invalid() {
        return new InvalidCursorException();
    }
}
