package org.licencerisk.functions.scores;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.scoring.RiskScore;
import org.licencerisk.model.scoring.RiskScorer;
import org.licencerisk.functions.testing.TestModel;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoresHandlerTest {

    private static TestStack stack;
    private static ScoresHandler handler;
    private static ApplicationScoresHandler reader;

    @BeforeAll
    static void setUp() {
        stack = TestStack.create();
        handler = new ScoresHandler(stack.components());
        reader = new ApplicationScoresHandler(stack.components());
    }

    private static TestResponse post(String body) {
        return TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of()).jsonBody(body));
    }

    private static long storedFor(String applicationId) {
        return stack.items().stream().filter(i -> i.get("applicationId").s().equals(applicationId)).count();
    }

    @Test
    void createsAScoreWithLocationAndEveryDocumentedField() {
        ObjectNode app = Applications.variant("T-CREATE-1", 1);
        TestResponse r = post(app.toString());
        assertEquals(201, r.status());
        OpenApi.assertValid("Score", r.body());
        assertEquals("T-CREATE-1", r.body().get("applicationId").asText());
        String scoreId = r.body().get("scoreId").asText();
        assertEquals("/v1/applications/T-CREATE-1/scores/" + scoreId, r.header("Location"));
        assertEquals("application/json", r.header("Content-Type"));
        assertEquals(TestModel.scorer().manifest().modelVersion(), r.body().get("modelVersion").asText());
        assertTrue(r.body().get("factors").size() > 0);

        TestResponse byLocation = TestStack.invoke(reader, Events.get(ApplicationScoresHandler.ONE,
                Map.of("applicationId", "T-CREATE-1", "scoreId", scoreId)));
        assertEquals(200, byLocation.status());
        assertEquals(r.body(), byLocation.body());
    }

    @Test
    void sameContentReturnsTheStoredScoreWith200AndWritesNothing() {
        ObjectNode app = Applications.variant("T-SAME-1", 2);
        TestResponse first = post(app.toString());
        long items = storedFor("T-SAME-1");
        // Same content, other spelling: pretty-printed, keys reordered, 4 written as 4.0.
        ObjectNode reordered = Applications.variant("T-SAME-1", 2);
        ((ObjectNode) reordered.get("items").get(0)).put("quantity", reordered.get("items").get(0).get("quantity").asDouble());
        String respelled = reordered.toPrettyString();
        TestResponse again = post(respelled);
        assertEquals(201, first.status());
        assertEquals(200, again.status());
        assertEquals(first.body(), again.body());
        assertEquals(items, storedFor("T-SAME-1"), "a repeat must store nothing");
    }

    @Test
    void changedContentIsANewScoreInTheHistoryNewestFirst() {
        TestResponse first = post(Applications.variant("T-CHANGE-1", 2).toString());
        TestResponse second = post(Applications.variant("T-CHANGE-1", 4).toString());
        assertEquals(201, second.status());
        assertNotEquals(first.body().get("scoreId"), second.body().get("scoreId"));

        TestResponse history = TestStack.invoke(reader, Events.get(ApplicationScoresHandler.HISTORY,
                Map.of("applicationId", "T-CHANGE-1")));
        assertEquals(200, history.status());
        OpenApi.assertValid("ScorePage", history.body());
        assertEquals(2, history.body().get("items").size());
        assertEquals(second.body(), history.body().get("items").get(0));
        assertEquals(first.body(), history.body().get("items").get(1));
        assertTrue(history.body().get("nextCursor").isNull());

        TestResponse latest = TestStack.invoke(reader, Events.get(ApplicationScoresHandler.LATEST,
                Map.of("applicationId", "T-CHANGE-1")));
        assertEquals(second.body(), latest.body());
    }

    @Test
    void anInvalidApplicationIs400WithEveryFieldProblemAndStoresNothing() {
        ObjectNode app = Applications.variant("T-INVALID-1", 1);
        app.put("destinationCountry", "XX");
        ((ObjectNode) app.get("items").get(0)).put("quantity", -3);
        app.remove("endUse");
        app.put("secretField", "Example Networks B.V.");
        TestResponse r = post(app.toString());
        assertEquals(400, r.status());
        assertEquals("application/problem+json", r.header("Content-Type"));
        OpenApi.assertValid("Problem", r.body());
        assertEquals(400, r.body().get("status").asInt());
        java.util.Set<String> fields = new java.util.HashSet<>();
        r.body().get("problems").forEach(p -> fields.add(p.get("field").asText()));
        assertEquals(java.util.Set.of("destinationCountry", "items[0].quantity", "endUse", "secretField"), fields);
        assertFalse(r.body().toString().contains("Example Networks"), "problems must not echo content");
        assertEquals(0, storedFor("T-INVALID-1"));
    }

    @Test
    void aScoreWhoseCaseUpdateWasInterruptedIsCompletedByTheRetry() {
        ObjectNode app = Applications.variant("T-CRASH-1", 2);
        LicenceApplication parsed = new org.licencerisk.model.application.ApplicationParser().parse(app.toString());
        String hash = InputHash.of(parsed);
        String scoreId = ScoreIds.of(hash, TestModel.scorer().manifest().modelVersion());
        // The first write of a score succeeded, the process died before the second.
        new DynamoDbScoreRepository(stack.client(), stack.config().applicationsTable()).insertIfAbsent(new StoredScore(
                "T-CRASH-1", scoreId, hash, TestModel.scorer().score(parsed),
                java.time.Instant.parse("2026-11-29T08:00:00Z"), 30), app.toString());
        var cases = new org.licencerisk.functions.queue.DynamoDbCaseRepository(stack.client(), stack.config().applicationsTable());
        assertTrue(cases.find("T-CRASH-1").isEmpty(), "half-written: no case yet, so not in the queue");
        TestResponse retry = post(app.toString());
        assertEquals(200, retry.status(), "the retry finds the stored score");
        assertEquals(scoreId, retry.body().get("scoreId").asText());
        assertEquals(scoreId, cases.find("T-CRASH-1").orElseThrow().scoreId(), "and completes the case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[]", "", "null", "{\"applicationId\": \"A\"} trailing"})
    void malformedBodiesAre400(String body) {
        TestResponse r = post(body);
        assertEquals(400, r.status());
        OpenApi.assertValid("Problem", r.body());
    }

    @Test
    void aBodyOver256KiBIs413AndStoresNothing() {
        ObjectNode app = Applications.variant("T-LARGE-1", 1);
        app.put("endUse", "x".repeat(300 * 1024));
        TestResponse r = post(app.toString());
        assertEquals(413, r.status());
        OpenApi.assertValid("Problem", r.body());
        assertEquals(0, storedFor("T-LARGE-1"));
    }

    @Test
    void aBodyJustUnder256KiBIsReadAndValidated() {
        ObjectNode app = Applications.variant("T-LARGE-2", 1);
        app.put("endUse", "x".repeat(250 * 1024));
        TestResponse r = post(app.toString());
        assertEquals(400, r.status(), "read, then refused by validation for its end-use length, not by size");
        assertEquals("endUse", r.body().get("problems").get(0).get("field").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "application/json; charset=latin1"})
    void aBodyThatIsNotJsonIs415(String contentType) {
        TestResponse r = TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(Applications.variant("T-MEDIA-1", 1).toString()).header("content-type", contentType));
        assertEquals(415, r.status());
        OpenApi.assertValid("Problem", r.body());
        assertEquals(0, storedFor("T-MEDIA-1"));
    }

    @Test
    void aBase64BodyAsApiGatewaySendsItIsDecoded() {
        byte[] body = Applications.variant("T-BASE64-1", 1).toString().getBytes(StandardCharsets.UTF_8);
        TestResponse r = TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                .base64Body(body, "application/json; charset=utf-8"));
        assertEquals(201, r.status());
    }

    @Test
    void aBodyThatIsNotValidUtf8Is400AndStoresNothing() {
        byte[] text = Applications.variant("T-UTF8-1", 1).toString().getBytes(StandardCharsets.UTF_8);
        byte[] body = new String(text, StandardCharsets.UTF_8).replace("T-UTF8-1", "T-UTF8-1\u0001")
                .getBytes(StandardCharsets.UTF_8);
        body[indexOf(body, (byte) 0x01)] = (byte) 0xC3;
        TestResponse r = TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                .base64Body(body, "application/json"));
        assertEquals(400, r.status());
        OpenApi.assertValid("Problem", r.body());
        assertEquals("$", r.body().get("problems").get(0).get("field").asText());
        assertEquals(0, storedFor("T-UTF8-1"));
    }

    private static int indexOf(byte[] bytes, byte b) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        throw new IllegalArgumentException("The byte is not in the array.");
    }

    @Test
    void otherMethodsAre405WithAllow() {
        TestResponse r = TestStack.invoke(handler, Events.get(ScoresHandler.PATH, Map.of()));
        assertEquals(405, r.status());
        assertEquals("POST", r.header("Allow"));
        OpenApi.assertValid("Problem", r.body());
    }

    @Test
    void logsAreJsonLinesWithTheRequestIdAndNoApplicationContent() throws Exception {
        post(Applications.surveillance().put("applicationId", "T-LOG-1").toString());
        String logs = stack.logs();
        for (String secret : new String[] {"Example Networks", "Ministry of Interior", "IP network monitoring",
                "Security purposes", "Cairo Systems"}) {
            assertFalse(logs.contains(secret), "logs must not contain application content: " + secret);
        }
        boolean found = false;
        for (String line : logs.split("\n")) {
            var json = org.licencerisk.model.json.Json.mapper().readTree(line);
            assertTrue(json.hasNonNull("requestId") || !json.get("event").asText().equals("request"));
            if ("T-LOG-1".equals(json.path("applicationId").asText())) {
                found = true;
                assertEquals(201, json.get("status").asInt());
            }
        }
        assertTrue(found, "the request's log line names the application id");
    }

    @Test
    void anUnexpectedFailureIs500WithoutInternals() {
        RiskScorer broken = new RiskScorer() {
            @Override
            public RiskScore score(LicenceApplication application) {
                throw new IllegalStateException("internal detail " + application.exporter().name());
            }

            @Override
            public ModelManifest manifest() {
                return TestModel.scorer().manifest();
            }
        };
        TestStack other = TestStack.create(broken);
        TestResponse r = TestStack.invoke(new ScoresHandler(other.components()), Events.request("POST",
                ScoresHandler.PATH, Map.of()).jsonBody(Applications.surveillance().toString()));
        assertEquals(500, r.status());
        OpenApi.assertValid("Problem", r.body());
        assertFalse(r.body().toString().contains("internal detail"));
        assertFalse(r.body().toString().contains("Example Networks"));
        assertFalse(other.logs().contains("Example Networks"));
        assertTrue(other.logs().contains("IllegalStateException"));
    }
}
