package org.licencerisk.functions.models;

import org.licencerisk.functions.errors.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.licencerisk.model.json.Json;

/**
 * The body of a promotion (schema {@code PromotionRequest} in {@code openapi.yaml}).
 *
 * @param force  whether to promote although the challenger fails the metric gate
 * @param reason why: required when forcing, kept in the audit record either way
 */
public record PromotionRequest(boolean force, String reason) {

    /** The longest reason kept. */
    public static final int MAX_REASON = 1000;

    public PromotionRequest {
        reason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    /**
     * Parses a request body; an empty body asks for an unforced promotion.
     *
     * @throws InvalidRequestException for malformed JSON, unknown fields, a forced promotion without a reason, or a reason
     *                      over {@value #MAX_REASON} characters
     */
    public static PromotionRequest parse(String body) {
        PromotionRequest request;
        if (body == null || body.isBlank()) {
            request = new PromotionRequest(false, null);
        } else {
            try {
                Body parsed = Json.mapper().readValue(body, Body.class);
                request = new PromotionRequest(Boolean.TRUE.equals(parsed.force()), parsed.reason());
            } catch (JsonProcessingException e) {
                throw InvalidRequestException.of("$", "Must be a JSON object with the optional fields 'force' (boolean) and 'reason' (string).");
            }
        }
        if (request.force() && request.reason() == null) {
            throw InvalidRequestException.of("reason", "Is required when 'force' is true: say why the metric gate is overridden.");
        }
        if (request.reason() != null && request.reason().length() > MAX_REASON) {
            throw InvalidRequestException.of("reason", "Must be at most " + MAX_REASON + " characters.");
        }
        return request;
    }

    /** The wire form, every field optional. */
    private record Body(Boolean force, String reason) {
    }
}
