package org.licencerisk.functions.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.decisions.DecisionsHandler;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.http.HttpApiHandler;
import org.licencerisk.functions.http.Problem;
import org.licencerisk.functions.local.LocalApiServer;
import org.licencerisk.functions.local.LocalAuth;
import org.licencerisk.functions.local.SamTemplate;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Dynalite;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers stay small whatever the request: field problems are cut to the first 50 with the total count, nothing
 * larger than 1 MiB is ever sent, and a request that would have produced one gets a problem, never a dropped
 * connection.
 */
class BoundedAnswersTest {

    private static TestStack stack;
    private static LocalApiServer server;

    @BeforeAll
    static void setUp() throws Exception {
        stack = TestStack.create();
        server = LocalApiServer.start(SamTemplate.read(Dynalite.repositoryRoot().resolve("template.yaml")),
                stack.components(), LocalAuth.from("off", "iss", "aud"), 0, 4);
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    /** A decision whose criteria are {@code n} invalid values: one field problem each. */
    private static String decisionWithInvalidCriteria(int n) {
        ObjectNode body = Json.mapper().createObjectNode().put("outcome", "APPROVED").put("rationale", "r");
        ArrayNode criteria = body.putArray("criteria");
        for (int i = 0; i < n; i++) {
            criteria.add("9");
        }
        return body.toString();
    }

    @Test
    void fieldProblemsAreCutToTheFirstFiftyWithTheirTotal() {
        TestStack.invoke(new ScoresHandler(stack.components()), Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(Applications.variant("B-1", 1).toString()));
        String body = decisionWithInvalidCriteria(5000);
        TestResponse r = TestStack.invoke(new DecisionsHandler(stack.components()), Events.request("PUT",
                DecisionsHandler.PATH, Map.of("applicationId", "B-1")).jsonBody(body));
        assertEquals(400, r.status());
        OpenApi.assertValid("Problem", r.body());
        assertEquals(Problem.MAX_PROBLEMS, r.body().get("problems").size());
        assertEquals(5000, r.body().get("problemCount").asInt());
        assertEquals("criteria[0]", r.body().get("problems").get(0).get("field").asText(), "the first ones, in order");
        assertTrue(r.body().toString().length() < 8_000, "a 20 KB body gets a few KB, not 800: " + r.body().toString().length());

        ObjectNode application = Applications.variant("B-2", 1);
        ArrayNode items = application.putArray("items");
        for (int i = 0; i < 400; i++) {
            items.addObject().put("quantity", -1);
        }
        TestResponse invalid = TestStack.invoke(new ScoresHandler(stack.components()), Events.request("POST",
                ScoresHandler.PATH, Map.of()).jsonBody(application.toString()));
        assertEquals(400, invalid.status());
        OpenApi.assertValid("Problem", invalid.body());
        assertEquals(Problem.MAX_PROBLEMS, invalid.body().get("problems").size());
        assertTrue(invalid.body().get("problemCount").asInt() > Problem.MAX_PROBLEMS);
    }

    @Test
    void aFewProblemsAreListedWholeWithTheirCount() {
        TestResponse r = TestStack.invoke(new DecisionsHandler(stack.components()), Events.request("PUT",
                DecisionsHandler.PATH, Map.of("applicationId", "B-3")).jsonBody(decisionWithInvalidCriteria(2)));
        assertEquals(400, r.status());
        assertEquals(2, r.body().get("problems").size());
        assertEquals(2, r.body().get("problemCount").asInt());
    }

    @Test
    void anAnswerOverOneMebibyteBecomesAProblemNamingTheRequestAndIsLogged() {
        String large = String.join("", Collections.nCopies(ApiDispatcher.MAX_RESPONSE_BYTES / 8 + 1, "12345678"));
        ApiDispatcher api = ApiDispatcher.builder(stack.components().logger())
                .get("/v1/large", r -> ApiResponse.ok(Map.of("text", large))).build();
        HttpApiHandler handler = () -> api;
        TestResponse r = TestStack.invoke(handler, Events.get("/v1/large", Map.of()));
        assertEquals(500, r.status());
        OpenApi.assertValid("Problem", r.body());
        assertTrue(r.body().get("detail").asText().contains("1024 KiB"));
        assertTrue(stack.logs().contains("\"response_too_large\""));
    }

    @Test
    void overHttpEveryOversizedRequestGetsAnAnswer() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String body : new String[] {decisionWithInvalidCriteria(40_000), decisionWithInvalidCriteria(300_000)}) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                            + "/v1/applications/B-1/decision")).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode problem = Json.mapper().readTree(r.body());
            assertEquals(body.length() > ApiDispatcher.MAX_BODY_BYTES ? 413 : 400, r.statusCode(), r.body());
            OpenApi.assertValid("Problem", problem);
            assertTrue(r.body().length() < 8_000, "answer of " + r.body().length() + " bytes");
        }
    }
}
