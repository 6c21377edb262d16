package org.licencerisk.functions.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Dynalite;
import org.licencerisk.functions.testing.LocalTokens;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local server over real HTTP: routing from the template, gateway errors and local authentication. */
class LocalApiServerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestStack stack;
    private static LocalApiServer open;
    private static LocalApiServer secured;

    @BeforeAll
    static void setUp() throws IOException {
        stack = TestStack.create();
        SamTemplate template = SamTemplate.read(Dynalite.repositoryRoot().resolve("template.yaml"));
        open = LocalApiServer.start(template, stack.components(), LocalAuth.from("off", "iss", "aud"), 0);
        secured = LocalApiServer.start(template, stack.components(), LocalAuth.from("on", "https://idp.test", "api"), 0);
    }

    @AfterAll
    static void tearDown() {
        open.close();
        secured.close();
    }

    private static HttpResponse<String> send(LocalApiServer server, String method, String path, String body,
                                             Map<String, String> headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.mapper().readTree(r.body());
    }

    @Test
    void everyRouteIsServedByItsHandlerAndLiteralSegmentsWinOverParameters() throws Exception {
        String app = Applications.variant("L-1", 3).toString();
        HttpResponse<String> created = send(open, "POST", "/v1/scores", app, Map.of("Content-Type", "application/json"));
        assertEquals(201, created.statusCode());
        OpenApi.assertValid("Score", json(created));
        String location = created.headers().firstValue("Location").orElseThrow();

        HttpResponse<String> one = send(open, "GET", location, null, Map.of());
        assertEquals(200, one.statusCode());
        assertEquals(json(created), json(one));
        HttpResponse<String> latest = send(open, "GET", "/v1/applications/L-1/scores/latest", null, Map.of());
        assertEquals(json(created), json(latest), "'latest' is the literal route, not a score id");
        HttpResponse<String> history = send(open, "GET", "/v1/applications/L-1/scores?limit=1", null, Map.of());
        OpenApi.assertValid("ScorePage", json(history));
        HttpResponse<String> queue = send(open, "GET", "/v1/queue?limit=5", null, Map.of());
        assertEquals(200, queue.statusCode());
        OpenApi.assertValid("QueuePage", json(queue));
        HttpResponse<String> decision = send(open, "PUT", "/v1/applications/L-1/decision",
                "{\"outcome\":\"APPROVED\",\"rationale\":\"Fine.\"}", Map.of("Content-Type", "application/json"));
        assertEquals(201, decision.statusCode(), decision.body());
        OpenApi.assertValid("Decision", json(decision));
        HttpResponse<String> models = send(open, "GET", "/v1/models", null, Map.of());
        OpenApi.assertValid("ModelList", json(models));
        String version = json(models).get("items").get(0).get("modelVersion").asText();
        assertEquals(200, send(open, "GET", "/v1/models/" + version, null, Map.of()).statusCode());
    }

    @Test
    void pathsOutsideTheTemplateGetTheGatewaysOwn404AndWrongMethodsTheHandlers405() throws Exception {
        HttpResponse<String> none = send(open, "GET", "/v2/nothing", null, Map.of());
        assertEquals(404, none.statusCode());
        assertEquals("Not Found", json(none).get("message").asText());
        HttpResponse<String> wrong = send(open, "DELETE", "/v1/queue", null, Map.of());
        assertEquals(405, wrong.statusCode());
        assertEquals("GET", wrong.headers().firstValue("Allow").orElseThrow());
        assertTrue(wrong.headers().firstValue("Content-Type").orElseThrow().startsWith("application/problem+json"));
    }

    @Test
    void bodiesOver256KiBAre413FromTheHandler() throws Exception {
        String big = Applications.variant("L-BIG", 1).put("endUse", "y".repeat(300_000)).toString();
        HttpResponse<String> r = send(open, "POST", "/v1/scores", big, Map.of("Content-Type", "application/json"));
        assertEquals(413, r.statusCode());
        OpenApi.assertValid("Problem", json(r));
    }

    @Test
    void withLocalAuthOfficerRoutesNeedAValidBearerTokenWhoseClaimsReachTheHandler() throws Exception {
        send(secured, "POST", "/v1/scores", Applications.variant("L-AUTH", 5).toString(),
                Map.of("Content-Type", "application/json", "Authorization", LocalTokens.SIGNED));
        assertEquals(401, send(secured, "GET", "/v1/queue", null, Map.of()).statusCode());
        assertEquals(401, send(secured, "GET", "/v1/queue", null, Map.of("Authorization", "Bearer " + LocalTokens.token("https://other", "api"))).statusCode());
        assertEquals(401, send(secured, "GET", "/v1/queue", null, Map.of("Authorization", "Bearer " + LocalTokens.token("https://idp.test", "other"))).statusCode());
        assertEquals(401, send(secured, "GET", "/v1/queue", null, Map.of("Authorization", "Bearer not-a-jwt")).statusCode());
        assertEquals(200, send(secured, "GET", "/v1/queue", null, Map.of("Authorization", "Bearer " + LocalTokens.token("https://idp.test", "api", LocalTokens.OFFICER))).statusCode());

        HttpResponse<String> decided = send(secured, "PUT", "/v1/applications/L-AUTH/decision",
                "{\"outcome\":\"APPROVED\",\"rationale\":\"Fine.\"}",
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + LocalTokens.token("https://idp.test", "api", LocalTokens.OFFICER)));
        assertEquals(201, decided.statusCode());
        var item = stack.items().stream().filter(i -> i.get("applicationId").s().equals("L-AUTH")
                && i.get("sk").s().equals("DECISION#000001")).findFirst().orElseThrow();
        assertEquals("officer-42", item.get("decidedBy").s(), "the token's sub reached the handler as a JWT claim");
    }

    @Test
    void withLocalAuthTheTokensRoleClaimDecidesWhoMayUseOfficerAndDataScientistRoutes() throws Exception {
        String decision = "{\"outcome\":\"APPROVED\",\"rationale\":\"Fine.\"}";
        for (String[] roles : new String[][] {{}, {LocalTokens.DATA_SCIENTIST}, {"licence-risk/officers"}}) {
            String bearer = "Bearer " + LocalTokens.token("https://idp.test", "api", roles);
            HttpResponse<String> queue = send(secured, "GET", "/v1/queue", null, Map.of("Authorization", bearer));
            // Refused by the gateway itself (the route's authorization scopes), before any function runs.
            assertEquals(403, queue.statusCode(), String.join(",", roles));
            assertEquals("Forbidden", json(queue).get("message").asText(), queue.body());
            HttpResponse<String> decided = send(secured, "PUT", "/v1/applications/L-ROLE/decision", decision,
                    Map.of("Content-Type", "application/json", "Authorization", bearer));
            assertEquals(403, decided.statusCode(), String.join(",", roles));
        }
        assertTrue(stack.items().stream().noneMatch(i -> i.get("applicationId").s().equals("L-ROLE")),
                "nothing is stored from a refused decision");

        String officer = "Bearer " + LocalTokens.token("https://idp.test", "api", LocalTokens.OFFICER);
        HttpResponse<String> refused = send(secured, "GET", "/v1/promotions", null, Map.of("Authorization", officer));
        assertEquals(403, refused.statusCode());
        String scientist = "Bearer " + LocalTokens.token("https://idp.test", "api", LocalTokens.DATA_SCIENTIST);
        assertEquals(200, send(secured, "GET", "/v1/promotions", null, Map.of("Authorization", scientist)).statusCode());
        assertEquals(200, send(secured, "GET", "/v1/models", null, Map.of("Authorization", scientist)).statusCode(),
                "models are open to data scientists and officers");
    }

    @Test
    void withLocalAuthOffEveryRouteIsOpenAsToALocalCallerHoldingEveryRole() throws Exception {
        assertEquals(200, send(open, "GET", "/v1/queue", null, Map.of()).statusCode());
        HttpResponse<String> audit = send(open, "GET", "/v1/promotions", null, Map.of());
        assertEquals(200, audit.statusCode(), audit.body());
        OpenApi.assertValid("PromotionList", json(audit));
        send(open, "POST", "/v1/scores", Applications.variant("L-OPEN", 2).toString(), Map.of("Content-Type", "application/json"));
        HttpResponse<String> decided = send(open, "PUT", "/v1/applications/L-OPEN/decision",
                "{\"outcome\":\"APPROVED\",\"rationale\":\"Fine.\"}",
                Map.of("Content-Type", "application/json"));
        assertEquals(201, decided.statusCode(), decided.body());
        var item = stack.items().stream().filter(i -> i.get("applicationId").s().equals("L-OPEN")
                && i.get("sk").s().equals("DECISION#000001")).findFirst().orElseThrow();
        assertEquals(LocalAuth.OPEN_SUBJECT, item.get("decidedBy").s());
    }

    @Test
    void withLocalAuthTheScoringRouteNeedsASignedRequest() throws Exception {
        HttpResponse<String> unsigned = send(secured, "POST", "/v1/scores", Applications.variant("L-IAM", 1).toString(),
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + LocalTokens.token("https://idp.test", "api")));
        assertEquals(403, unsigned.statusCode());
        assertEquals("Forbidden", json(unsigned).get("message").asText());
    }
}
