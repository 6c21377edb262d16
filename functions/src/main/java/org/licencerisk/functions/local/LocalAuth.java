package org.licencerisk.functions.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.model.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Local stand-ins for API Gateway's authorisers. Off by default: every route is open; IAM routes get no claims and
 * JWT routes get the {@linkplain #openClaims open claims} of a local caller holding every role, so that the handlers'
 * role checks (which fail closed) let everything through. On ({@code LOCAL_AUTH=on}): IAM routes need an {@code Authorization: AWS4-HMAC-SHA256 Credential=...}
 * header (its signature is not checked) or get 403; officer routes need {@code Authorization: Bearer <JWT>} whose
 * payload has the configured {@code iss} and {@code aud} and an {@code exp} in the future, or get 401. The JWT's
 * signature is not checked either: this is for trying the API on one's own machine, never for protecting it. Its
 * claims reach the handler in {@code requestContext.authorizer.jwt.claims}, as API Gateway passes them.
 *
 * @param enabled  whether authentication is on
 * @param issuer   the required {@code iss}
 * @param audience the required {@code aud}
 */
public record LocalAuth(boolean enabled, String issuer, String audience) {

    /** The default local issuer. */
    public static final String DEFAULT_ISSUER = "http://127.0.0.1/local-officers";
    /** The default local audience. */
    public static final String DEFAULT_AUDIENCE = "licence-risk-api";
    /** The subject of the local caller when authentication is off. */
    public static final String OPEN_SUBJECT = "local-user";
    private static final String IAM = "AWS_IAM";

    /**
     * The result: {@code status} 0 lets the request through with {@code claims} (or {@code null} for none); otherwise
     * the gateway answers {@code status} with {@code message}.
     *
     * @param status  0, 401 or 403
     * @param message API Gateway's message
     * @param claims  the JWT claims to pass on, or {@code null}
     */
    public record Outcome(int status, String message, Map<String, String> claims) {
    }

    /** Parses {@code on} or {@code off}. */
    public static LocalAuth from(String mode, String issuer, String audience) {
        return switch (mode) {
            case "on" -> new LocalAuth(true, issuer, audience);
            case "off" -> new LocalAuth(false, issuer, audience);
            default -> throw new IllegalArgumentException("LOCAL_AUTH must be 'on' or 'off', found '" + mode + "'.");
        };
    }

    /**
     * The claims JWT routes get when authentication is off: subject {@link #OPEN_SUBJECT}, and the configured role
     * claim listing the officer and data-scientist roles in API Gateway's list form, {@code [officer data-scientist]}.
     */
    public static Map<String, String> openClaims(ApiConfig config) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", OPEN_SUBJECT);
        claims.put(config.roleClaim(), "[" + config.officerRole() + " " + config.dataScientistRole() + "]");
        return Map.copyOf(claims);
    }

    /**
     * Authorises a request for a route with the given authoriser.
     *
     * @param openClaims the claims a JWT route gets when authentication is off (see {@link #openClaims})
     */
    public Outcome authorise(String authorizer, String authorization, Map<String, String> openClaims) {
        if (!enabled) {
            return new Outcome(0, null, IAM.equals(authorizer) ? null : openClaims);
        }
        if (IAM.equals(authorizer)) {
            boolean signed = authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 ")
                    && authorization.contains("Credential=");
            return signed ? new Outcome(0, null, null) : new Outcome(403, "Forbidden", null);
        }
        Map<String, String> claims = bearerClaims(authorization);
        return claims == null ? new Outcome(401, "Unauthorized", null) : new Outcome(0, null, claims);
    }

    private Map<String, String> bearerClaims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).trim().split("\\.");
        if (parts.length != 3) {
            return null;
        }
        JsonNode payload;
        try {
            payload = Json.mapper().readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            return null;
        }
        if (payload == null || !payload.isObject() || !issuer.equals(payload.path("iss").asText())) {
            return null;
        }
        JsonNode aud = payload.path("aud");
        boolean audienceOk = aud.isArray() ? contains(aud, audience) : audience.equals(aud.asText());
        if (!audienceOk || (payload.has("exp") && payload.path("exp").asLong() <= Instant.now().getEpochSecond())) {
            return null;
        }
        Map<String, String> claims = new LinkedHashMap<>();
        payload.fields().forEachRemaining(e -> claims.put(e.getKey(), claim(e.getValue())));
        return claims;
    }

    private static boolean contains(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (value.equals(n.asText())) {
                return true;
            }
        }
        return false;
    }

    /** API Gateway passes every claim as a string; arrays as {@code [a b]}. */
    private static String claim(JsonNode value) {
        if (value.isArray()) {
            StringBuilder s = new StringBuilder("[");
            value.forEach(v -> s.append(s.length() > 1 ? " " : "").append(v.asText()));
            return s.append(']').toString();
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
