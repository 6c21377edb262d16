package org.licencerisk.functions.queue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.licencerisk.functions.decisions.DecisionsHandler;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.scoring.RiskBand;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QueueHandlerTest {

    private static final int APPLICATIONS = 30;
    private static TestStack stack;
    private static QueueHandler queue;
    private static ScoresHandler scores;
    private static Map<String, Double> scoreOf;

    @BeforeAll
    static void setUp() {
        stack = TestStack.create();
        queue = new QueueHandler(stack.components());
        scores = new ScoresHandler(stack.components());
        scoreOf = new HashMap<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            post("Q-" + i, i);
        }
    }

    private static void post(String id, int n) {
        TestResponse r = TestStack.invoke(scores, Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(Applications.variant(id, n).toString()));
        assertTrue(r.status() == 201 || r.status() == 200);
        scoreOf.put(id, r.body().get("riskScore").asDouble());
    }

    private static TestResponse page(Map<String, String> query) {
        return TestStack.invoke(queue, Events.get(QueueHandler.PATH, Map.of()).query(query));
    }

    private static List<JsonNode> all(String band, int limit) {
        List<JsonNode> out = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> q = new LinkedHashMap<>();
            q.put("limit", Integer.toString(limit));
            if (band != null) {
                q.put("band", band);
            }
            if (cursor != null) {
                q.put("cursor", cursor);
            }
            TestResponse r = page(q);
            assertEquals(200, r.status(), r.body()::toString);
            OpenApi.assertValid("QueuePage", r.body());
            assertTrue(r.body().get("items").size() <= limit);
            r.body().get("items").forEach(out::add);
            cursor = r.body().get("nextCursor").isNull() ? null : r.body().get("nextCursor").asText();
            assertTrue(++pages < 100, "pagination must end");
        } while (cursor != null);
        return out;
    }

    private static void assertRiskiestFirst(List<JsonNode> entries) {
        for (int i = 1; i < entries.size(); i++) {
            JsonNode a = entries.get(i - 1);
            JsonNode b = entries.get(i);
            int bandA = RiskBand.valueOf(a.get("riskBand").asText()).ordinal();
            int bandB = RiskBand.valueOf(b.get("riskBand").asText()).ordinal();
            assertTrue(bandA >= bandB, "bands HIGH, MEDIUM, LOW in order");
            if (bandA == bandB) {
                assertTrue(a.get("riskScore").asDouble() >= b.get("riskScore").asDouble(), "higher score first");
            }
        }
    }

    @Test
    void pagesHoldEveryUndecidedApplicationOnceRiskiestFirst() {
        for (int limit : new int[] {1, 7, 100}) {
            List<JsonNode> entries = all(null, limit);
            Set<String> ids = new HashSet<>();
            entries.forEach(e -> ids.add(e.get("applicationId").asText()));
            assertEquals(entries.size(), ids.size(), "no application twice");
            assertTrue(ids.containsAll(scoreOf.keySet().stream().filter(k -> k.startsWith("Q-")).toList()));
            assertRiskiestFirst(entries);
            entries.forEach(e -> assertEquals(scoreOf.get(e.get("applicationId").asText()), e.get("riskScore").asDouble()));
        }
    }

    @Test
    void aBandFilterReturnsOnlyThatBand() {
        int total = 0;
        for (RiskBand band : RiskBand.values()) {
            List<JsonNode> entries = all(band.name(), 4);
            entries.forEach(e -> assertEquals(band.name(), e.get("riskBand").asText()));
            assertRiskiestFirst(entries);
            total += entries.size();
        }
        assertEquals(all(null, 100).size(), total);
    }

    @Test
    void paginationIsStableWhileApplicationsArriveAndAreDecided() {
        List<JsonNode> before = all(null, 100);
        TestResponse first = page(Map.of("limit", "5"));
        List<String> seen = new ArrayList<>();
        first.body().get("items").forEach(e -> seen.add(e.get("applicationId").asText()));
        String cursor = first.body().get("nextCursor").asText();
        // Arrivals between pages (some riskier than what was seen) must not shift or repeat the rest.
        for (int i = 0; i < 5; i++) {
            post("QNEW-" + i, 100 + i);
        }
        String lastSeen = seen.get(seen.size() - 1);
        List<String> rest = new ArrayList<>();
        while (cursor != null) {
            TestResponse r = page(Map.of("limit", "5", "cursor", cursor));
            assertEquals(200, r.status());
            r.body().get("items").forEach(e -> rest.add(e.get("applicationId").asText()));
            cursor = r.body().get("nextCursor").isNull() ? null : r.body().get("nextCursor").asText();
        }
        List<String> expectedRest = new ArrayList<>();
        boolean after = false;
        for (JsonNode e : before) {
            if (after) {
                expectedRest.add(e.get("applicationId").asText());
            }
            after |= e.get("applicationId").asText().equals(lastSeen);
        }
        List<String> restOfOriginal = rest.stream().filter(id -> !id.startsWith("QNEW-")).toList();
        assertEquals(expectedRest, restOfOriginal, "the original applications continue exactly after the cursor");
        rest.forEach(id -> assertFalse(seen.contains(id), "nothing from the first page again"));
    }

    @Test
    void aDecidedApplicationLeavesTheQueue() {
        post("Q-DECIDE", 3);
        assertTrue(all(null, 100).stream().anyMatch(e -> e.get("applicationId").asText().equals("Q-DECIDE")));
        TestResponse d = TestStack.invoke(new DecisionsHandler(stack.components()), Events.request("PUT",
                DecisionsHandler.PATH, Map.of("applicationId", "Q-DECIDE")).jsonBody(
                "{\"outcome\":\"APPROVED\",\"rationale\":\"Low risk.\",\"officerId\":\"officer-7\"}"));
        assertEquals(201, d.status());
        assertFalse(all(null, 100).stream().anyMatch(e -> e.get("applicationId").asText().equals("Q-DECIDE")));
        // A later, changed score of a decided application keeps it out of the queue.
        post("Q-DECIDE", 5);
        assertFalse(all(null, 100).stream().anyMatch(e -> e.get("applicationId").asText().equals("Q-DECIDE")));
    }

    @ParameterizedTest
    @CsvSource({"band,URGENT", "band,high", "limit,0", "limit,101", "limit,ten", "cursor,not-a-cursor",
            "cursor,eyJiYW5kIjoiSElHSCIsIngiOiIxIn0"})
    void badQueryParametersAre400NamingTheParameter(String name, String value) {
        TestResponse r = page(Map.of(name, value));
        assertEquals(400, r.status());
        OpenApi.assertValid("Problem", r.body());
        assertEquals(name, r.body().get("problems").get(0).get("field").asText());
    }

    @Test
    void theTestDataSpreadsOverEveryBand() {
        for (RiskBand band : RiskBand.values()) {
            assertTrue(all(band.name(), 100).size() >= 2, "at least two applications in " + band);
        }
    }

    @Test
    void aCursorOfOneBandIsRefusedForAnother() {
        TestResponse low = page(Map.of("band", "LOW", "limit", "1"));
        assertNotNull(low.body().get("nextCursor").textValue(), "the test data needs two LOW applications");
        TestResponse r = page(Map.of("band", "HIGH", "cursor", low.body().get("nextCursor").asText()));
        assertEquals(400, r.status());
        assertEquals("cursor", r.body().get("problems").get(0).get("field").asText());
    }
}
