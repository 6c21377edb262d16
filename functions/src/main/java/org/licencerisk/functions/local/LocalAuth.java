package org.licencerisk.functions.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.model.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Local stand-ins for API Gateway's authorisers. Off by default: every route is open; IAM routes get the local
 * licensing system's principal and JWT routes the {@linkplain #openClaims open claims} of a local caller holding every
 * role, so that the handlers' role checks (which fail closed) let everything through. On ({@code LOCAL_AUTH=on}): IAM
 * routes need an {@code Authorization: AWS4-HMAC-SHA256 Credential=...} header (its signature is not checked) or get
 * 403; officer routes need {@code Authorization: Bearer <JWT>} whose payload has the configured {@code iss} and
 * {@code aud} and an {@code exp} in the future, or get 401, and when the route lists authorization scopes, one of them
 * in the token's {@code scope} (a space-separated string) or {@code scp} (an array), or get 403, as the gateway does.
 * The JWT's signature is not checked either: this is for trying the API on one's own machine, never for protecting
 * it. Its claims reach the handler in {@code requestContext.authorizer.jwt.claims} and its scopes in
 * {@code requestContext.authorizer.jwt.scopes}, as API Gateway passes them.
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
    /** The principal of signed requests locally (the licensing system's IAM identity in AWS). */
    public static final String LOCAL_PRINCIPAL = "arn:aws:iam::000000000000:user/local-licensing-system";
    private static final String IAM = "AWS_IAM";

    /**
     * The result: {@code status} 0 lets the request through with {@code claims} and {@code scopes} (a token) or a
     * {@code principal} (a signed request); otherwise the gateway answers {@code status} with {@code message}.
     *
     * @param status    0, 401 or 403
     * @param message   API Gateway's message
     * @param claims    the JWT claims to pass on, or {@code null}
     * @param scopes    the token's scopes, passed on for a route with authorization scopes; otherwise {@code null}
     * @param principal the IAM principal of a signed request, or {@code null}
     */
    public record Outcome(int status, String message, Map<String, String> claims, List<String> scopes,
                          String principal) {

        static Outcome refused(int status, String message) {
            return new Outcome(status, message, null, null, null);
        }
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
     * The claims JWT routes get when authentication is off: subject {@link #OPEN_SUBJECT}, and a {@code scope} claim
     * granting the officer and data-scientist scopes.
     */
    public static Map<String, String> openClaims(ApiConfig config) {
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put("sub", OPEN_SUBJECT);
        claims.put("scope", config.officerScope() + " " + config.dataScientistScope());
        return Map.copyOf(claims);
    }

    /**
     * Authorises a request for a route.
     *
     * @param openClaims the claims a JWT route gets when authentication is off (see {@link #openClaims})
     */
    public Outcome authorise(SamTemplate.Route route, String authorization, Map<String, String> openClaims) {
        if (IAM.equals(route.authorizer())) {
            boolean signed = authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 ")
                    && authorization.contains("Credential=");
            return !enabled || signed ? new Outcome(0, null, null, null, LOCAL_PRINCIPAL)
                    : Outcome.refused(403, "Forbidden");
        }
        Token token = enabled ? bearer(authorization) : new Token(openClaims, spaceSeparated(openClaims.get("scope")));
        if (token == null) {
            return Outcome.refused(401, "Unauthorized");
        }
        if (route.scopes().isEmpty()) {
            return new Outcome(0, null, token.claims(), null, null);
        }
        if (route.scopes().stream().noneMatch(token.scopes()::contains)) {
            return Outcome.refused(403, "Forbidden");
        }
        return new Outcome(0, null, token.claims(), token.scopes(), null);
    }

    /** A token's claims as the gateway passes them, and its scopes as exact values. */
    private record Token(Map<String, String> claims, List<String> scopes) {
    }

    /** The token of a valid {@code Authorization: Bearer} header, or {@code null}. */
    private Token bearer(String authorization) {
        JsonNode payload = bearerPayload(authorization);
        if (payload == null) {
            return null;
        }
        Map<String, String> claims = new LinkedHashMap<>();
        payload.fields().forEachRemaining(e -> claims.put(e.getKey(), claim(e.getValue())));
        List<String> scopes = new ArrayList<>();
        for (String name : List.of("scope", "scp")) {
            JsonNode value = payload.path(name);
            if (value.isArray()) {
                value.forEach(s -> scopes.add(s.asText()));
            } else if (value.isTextual()) {
                scopes.addAll(spaceSeparated(value.textValue()));
            }
        }
        return new Token(claims, List.copyOf(scopes));
    }

    private static List<String> spaceSeparated(String scope) {
        List<String> out = new ArrayList<>();
        if (scope != null) {
            for (String s : scope.split(" ")) {
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private JsonNode bearerPayload(String authorization) {
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
        return payload;
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
