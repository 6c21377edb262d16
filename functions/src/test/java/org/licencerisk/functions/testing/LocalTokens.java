package org.licencerisk.functions.testing;

import org.licencerisk.model.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * Credentials the local server accepts with {@code LOCAL_AUTH=on}: unsigned JWTs (it checks issuer, audience and
 * expiry, never the signature) and a SigV4-shaped {@code Authorization} header for the IAM route.
 */
public final class LocalTokens {

    /** An {@code Authorization} header of the shape a SigV4-signed request carries (the local server checks the shape). */
    public static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/eu-west-1/execute-api/"
            + "aws4_request, SignedHeaders=host, Signature=abc";

    private LocalTokens() {
    }

    /**
     * An unsigned token for subject {@code officer-42}; with roles, its {@code cognito:groups} claim is the JSON array
     * of them, as Cognito issues it.
     */
    public static String token(String issuer, String audience, String... roles) {
        return tokenFor("officer-42", issuer, audience, roles);
    }

    /** An unsigned token for {@code subject} holding {@code roles}, valid for ten minutes. */
    public static String tokenFor(String subject, String issuer, String audience, String... roles) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        var claims = Json.mapper().createObjectNode().put("iss", issuer).put("aud", audience).put("sub", subject)
                .put("exp", Instant.now().getEpochSecond() + 600);
        if (roles.length > 0) {
            var groups = claims.putArray("cognito:groups");
            for (String role : roles) {
                groups.add(role);
            }
        }
        String payload = b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".sig";
    }
}
