package org.licencerisk.functions.local;

import org.junit.jupiter.api.Test;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.model.json.Json;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The local stand-in for the gateway's authorisers checks a route's scopes exactly, as API Gateway does. */
class LocalAuthTest {

    private static final String OFFICER = "licence-risk/officer";
    private static final LocalAuth ON = LocalAuth.from("on", "https://idp.test", "api");
    private static final SamTemplate.Route QUEUE = new SamTemplate.Route("ANY", "/v1/queue", "OfficerJwt", List.of(OFFICER));
    private static final SamTemplate.Route SCORES = new SamTemplate.Route("ANY", "/v1/scores", "AWS_IAM", List.of());

    private static String bearer(String scopeClaim, Object scopes) {
        var claims = Json.mapper().createObjectNode().put("iss", "https://idp.test").put("aud", "api")
                .put("sub", "officer-3").put("exp", Instant.now().getEpochSecond() + 600);
        claims.set(scopeClaim, Json.mapper().valueToTree(scopes));
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8)) + ".x";
    }

    @Test
    void aTokenPassesARouteWithScopesOnlyWithOneOfThemAsAWholeValue() {
        LocalAuth.Outcome spaced = ON.authorise(QUEUE, bearer("scope", "openid " + OFFICER), Map.of());
        assertEquals(0, spaced.status());
        assertEquals(List.of("openid", OFFICER), spaced.scopes(), "the handler gets the scopes as a list");
        assertEquals("officer-3", spaced.claims().get("sub"));
        assertEquals(0, ON.authorise(QUEUE, bearer("scp", List.of("openid", OFFICER)), Map.of()).status());

        for (Object refused : List.of(List.of("b " + OFFICER), List.of("x," + OFFICER), List.of(), "officer",
                "licence-risk/officers")) {
            LocalAuth.Outcome r = ON.authorise(QUEUE, bearer("scp", refused), Map.of());
            assertEquals(403, r.status(), refused.toString());
            assertEquals("Forbidden", r.message());
        }
        assertEquals(403, ON.authorise(QUEUE, bearer("cognito:groups", List.of("officer", OFFICER)), Map.of()).status(),
                "groups are not scopes");
        assertEquals(401, ON.authorise(QUEUE, null, Map.of()).status());
    }

    @Test
    void withAuthenticationOffTheLocalCallerHoldsBothScopesAndSignedRequestsCarryAPrincipal() {
        ApiConfig config = ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, "apps", ApiConfig.MODELS_TABLE, "models"));
        LocalAuth off = LocalAuth.from("off", "i", "a");
        LocalAuth.Outcome open = off.authorise(QUEUE, null, LocalAuth.openClaims(config));
        assertEquals(0, open.status());
        assertEquals(List.of(config.officerScope(), config.dataScientistScope()), open.scopes());
        assertEquals(LocalAuth.OPEN_SUBJECT, open.claims().get("sub"));

        LocalAuth.Outcome signed = off.authorise(SCORES, null, LocalAuth.openClaims(config));
        assertNull(signed.claims());
        assertEquals(LocalAuth.LOCAL_PRINCIPAL, signed.principal());
        assertEquals(403, ON.authorise(SCORES, "Bearer x.y.z", Map.of()).status());
    }
}
