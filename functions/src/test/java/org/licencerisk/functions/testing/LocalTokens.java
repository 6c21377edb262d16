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

    /** The scope that makes a caller an officer (the default {@code OFFICER_SCOPE}). */
    public static final String OFFICER = "licence-risk/officer";
    /** The scope that makes a caller a data scientist (the default {@code DATA_SCIENTIST_SCOPE}). */
    public static final String DATA_SCIENTIST = "licence-risk/data-scientist";

    /**
     * An unsigned token for subject {@code officer-42}; with scopes, its {@code scope} claim lists them separated by
     * spaces, as OAuth access tokens carry them.
     */
    public static String token(String issuer, String audience, String... scopes) {
        return tokenFor("officer-42", issuer, audience, scopes);
    }

    /** An unsigned token for {@code subject} granting {@code scopes}, valid for ten minutes. */
    public static String tokenFor(String subject, String issuer, String audience, String... scopes) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        var claims = Json.mapper().createObjectNode().put("iss", issuer).put("aud", audience).put("sub", subject)
                .put("exp", Instant.now().getEpochSecond() + 600);
        if (scopes.length > 0) {
            claims.put("scope", String.join(" ", scopes));
        }
        String payload = b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".sig";
    }
}
