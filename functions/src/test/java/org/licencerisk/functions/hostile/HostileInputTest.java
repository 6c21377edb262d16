package org.licencerisk.functions.hostile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.licencerisk.functions.decisions.DecisionsHandler;
import org.licencerisk.functions.models.ModelsHandler;
import org.licencerisk.functions.queue.QueueHandler;
import org.licencerisk.functions.scores.ApplicationScoresHandler;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: whatever a caller sends to any route (generated from a seed, see {@link HostileInputs}), the answer is a
 * 2xx that satisfies openapi.yaml or a 4xx {@code application/problem+json} that does, never a 5xx, and a rejected
 * request stores nothing.
 * <p>
 * Requests go through the Lambda runtime's event serialisation, with bodies that are not valid UTF-8 sent base64 as
 * API Gateway sends them. The default run has 1,000 cases; {@code -Dfuzz.cases=10000} (and {@code -Dfuzz.seed=N})
 * runs more.
 */
class HostileInputTest {

    private static final int CASES = Integer.getInteger("fuzz.cases", 1000);
    private static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    private static final String CASE_ID = "FZ-CASE";

    private static TestStack stack;
    private static ScoresHandler scores;
    private static DecisionsHandler decisions;
    private static QueueHandler queue;
    private static ApplicationScoresHandler reader;
    private static ModelsHandler models;
    private static String realQueueCursor;
    private static String realHistoryCursor;

    private static final Set<String> acceptedApplications = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger createdScores = new AtomicInteger();
    private static final AtomicInteger createdDecisions = new AtomicInteger();

    @BeforeAll
    static void setUp() {
        stack = TestStack.create();
        scores = new ScoresHandler(stack.components());
        decisions = new DecisionsHandler(stack.components());
        queue = new QueueHandler(stack.components());
        reader = new ApplicationScoresHandler(stack.components());
        models = new ModelsHandler(stack.components());
        for (int n = 0; n < 3; n++) {
            TestResponse r = TestStack.invoke(scores, Events.request("POST", ScoresHandler.PATH, Map.of())
                    .jsonBody(Applications.variant(CASE_ID, n * 2).toString()));
            assertEquals(201, r.status());
            createdScores.incrementAndGet();
        }
        TestStack.invoke(scores, Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(Applications.variant(CASE_ID + "-2", 3).toString()));
        createdScores.incrementAndGet();
        acceptedApplications.addAll(Set.of(CASE_ID, CASE_ID + "-2"));
        realQueueCursor = TestStack.invoke(queue, Events.get(QueueHandler.PATH, Map.of()).query(Map.of("limit", "1")))
                .body().get("nextCursor").asText();
        realHistoryCursor = TestStack.invoke(reader, Events.get(ApplicationScoresHandler.HISTORY,
                Map.of("applicationId", CASE_ID)).query(Map.of("limit", "1"))).body().get("nextCursor").asText();
    }

    static IntStream cases() {
        return IntStream.range(0, CASES);
    }

    @ParameterizedTest(name = "case {0}")
    @MethodSource("cases")
    void everyAnswerIsDocumentedAndNeverA5xx(int n) {
        HostileInputs in = new HostileInputs(SEED * 1_000_003L + n);
        switch (n % 10) {
            case 0, 1, 2, 3, 4 -> postScore(in, n);
            case 5, 6 -> putDecision(in);
            case 7 -> readWithHostilePath(in);
            case 8 -> readQueue(in);
            default -> readHistory(in);
        }
    }

    private static void postScore(HostileInputs in, int n) {
        String id = "FZ-" + n;
        ObjectNode valid = Applications.variant(id, n);
        byte[] body = in.body(valid);
        TestResponse r = TestStack.invoke(scores, withBody(Events.request("POST", ScoresHandler.PATH, Map.of()), body, in));
        String status = check(r, "Score");
        if (status.equals("created")) {
            createdScores.incrementAndGet();
        }
        if (r.status() < 300) {
            acceptedApplications.add(r.body().get("applicationId").asText());
        } else {
            assertTrue(storedFor(id).isEmpty(), "a rejected score request stored nothing");
        }
    }

    private static void putDecision(HostileInputs in) {
        ObjectNode valid = Json.mapper().createObjectNode().put("outcome", "REFUSED").put("rationale", "Diversion risk.")
                .put("revision", true);
        valid.putArray("criteria").add("1").add("7");
        String applicationId = in.random().nextInt(5) == 0 ? in.pathValue() : CASE_ID;
        byte[] body = in.body(valid);
        TestResponse r = TestStack.invoke(decisions, withBody(Events.request("PUT", DecisionsHandler.PATH,
                Map.of("applicationId", applicationId)), body, in));
        if (check(r, "Decision").equals("created")) {
            createdDecisions.incrementAndGet();
        }
    }

    private static void readWithHostilePath(HostileInputs in) {
        if (in.random().nextInt(5) == 0) {
            check(TestStack.invoke(models, Events.get(ModelsHandler.ONE, Map.of("modelVersion", in.pathValue()))),
                    "ModelDetail");
            return;
        }
        String route = in.pick(List.of(ApplicationScoresHandler.HISTORY, ApplicationScoresHandler.LATEST,
                ApplicationScoresHandler.ONE));
        Map<String, String> path = new LinkedHashMap<>();
        path.put("applicationId", in.random().nextInt(4) == 0 ? CASE_ID : in.pathValue());
        if (route.equals(ApplicationScoresHandler.ONE)) {
            path.put("scoreId", in.pathValue());
        }
        TestResponse r = TestStack.invoke(reader, Events.get(route, path));
        check(r, route.equals(ApplicationScoresHandler.HISTORY) ? "ScorePage" : "Score");
    }

    private static void readQueue(HostileInputs in) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : List.of("band", "limit", "cursor")) {
            if (in.random().nextBoolean()) {
                query.put(name, name.equals("cursor") && in.random().nextBoolean()
                        ? tamper(in, realQueueCursor) : in.queryValue());
            }
        }
        check(TestStack.invoke(queue, Events.get(QueueHandler.PATH, Map.of()).query(query)), "QueuePage");
    }

    private static void readHistory(HostileInputs in) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String name : List.of("limit", "cursor")) {
            if (in.random().nextBoolean()) {
                query.put(name, name.equals("cursor") && in.random().nextBoolean()
                        ? tamper(in, in.random().nextBoolean() ? realHistoryCursor : realQueueCursor) : in.queryValue());
            }
        }
        check(TestStack.invoke(reader, Events.get(ApplicationScoresHandler.HISTORY,
                Map.of("applicationId", CASE_ID)).query(query)), "ScorePage");
    }

    /** A well-formed cursor of the right shape whose values are replaced by hostile ones. */
    private static String tamper(HostileInputs in, String cursor) {
        try {
            ObjectNode fields = (ObjectNode) Json.mapper().readTree(java.util.Base64.getUrlDecoder().decode(cursor));
            String name = in.pick(List.copyOf(Set.copyOf(iterable(fields.fieldNames()))));
            String value = switch (in.random().nextInt(4)) {
                case 0 -> in.pathValue();
                case 1 -> "x".repeat(1 + in.random().nextInt(3000));
                case 2 -> in.randomString(1 + in.random().nextInt(40));
                default -> in.queryValue();
            };
            fields.put(name, value);
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(Json.mapper().writeValueAsBytes(fields));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("A real cursor could not be decoded.", e);
        }
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    /** Sends valid UTF-8 as text (or sometimes base64), anything else base64 as API Gateway does. */
    private static Events withBody(Events event, byte[] body, HostileInputs in) {
        if (isUtf8(body) && in.random().nextInt(4) != 0) {
            return event.jsonBody(new String(body, StandardCharsets.UTF_8));
        }
        return event.base64Body(body, "application/json");
    }

    /** Whether the bytes survive decoding as UTF-8 unchanged. */
    private static boolean isUtf8(byte[] bytes) {
        return java.util.Arrays.equals(bytes, new String(bytes, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Asserts the documented shape and returns "created" for a 201, "ok" for another 2xx and "rejected" for a 4xx.
     */
    static String check(TestResponse r, String successSchema) {
        assertTrue(r.status() < 500, () -> "never a 5xx: " + r.status() + " " + r.body() + "\n" + lastError());
        if (r.status() >= 400) {
            assertEquals("application/problem+json", r.header("Content-Type"));
            OpenApi.assertValid("Problem", r.body());
            assertEquals(r.status(), r.body().get("status").asInt());
            return "rejected";
        }
        assertTrue(r.status() == 200 || r.status() == 201, () -> "a success is 200 or 201: " + r.status());
        OpenApi.assertValid(successSchema, r.body());
        return r.status() == 201 ? "created" : "ok";
    }

    /** The last unexpected-exception log line (class and throw site only, never content). */
    private static String lastError() {
        String[] lines = stack.logs().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].contains("unexpected_exception")) {
                return lines[i];
            }
        }
        return "";
    }

    private static List<Map<String, AttributeValue>> storedFor(String applicationId) {
        return stack.client().query(b -> b.tableName(stack.config().applicationsTable()).consistentRead(true)
                .keyConditionExpression("#a = :a").expressionAttributeNames(Map.of("#a", TableDefinitions.APPLICATION_ID))
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromS(applicationId)))).items();
    }

    @AfterAll
    static void nothingIsStoredFromARejectedRequest() {
        int scoreItems = 0;
        int decisionItems = 0;
        for (Map<String, AttributeValue> item : stack.items()) {
            String applicationId = item.get(TableDefinitions.APPLICATION_ID).s();
            assertTrue(acceptedApplications.contains(applicationId), "stored only for accepted requests: " + applicationId);
            String sk = item.get(TableDefinitions.SK).s();
            scoreItems += sk.startsWith("SCORE#") ? 1 : 0;
            decisionItems += sk.startsWith("DECISION#") ? 1 : 0;
        }
        assertEquals(createdScores.get(), scoreItems, "one score item per 201, none from a rejection");
        assertEquals(createdDecisions.get(), decisionItems, "one decision item per 201, none from a rejection");
    }
}
