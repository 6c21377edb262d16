package org.licencerisk.functions.decisions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.licencerisk.functions.queue.DynamoDbCaseRepository;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.json.Json;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DecisionsHandlerTest {

    private static final String REFUSAL = "{\"outcome\":\"REFUSED\",\"criteria\":[\"2\",\"7\"],"
            + "\"rationale\":\"Clear risk of use for internal repression.\"}";
    private static final String APPROVAL = "{\"outcome\":\"APPROVED_WITH_CONDITIONS\",\"criteria\":[],"
            + "\"rationale\":\"Approved with a re-export proviso.\"}";

    private static TestStack stack;
    private static DecisionsHandler handler;

    @BeforeAll
    static void setUp() {
        stack = TestStack.create();
        handler = new DecisionsHandler(stack.components());
    }

    private static String score(String applicationId) {
        TestResponse r = TestStack.invoke(new ScoresHandler(stack.components()), Events.request("POST",
                ScoresHandler.PATH, Map.of()).jsonBody(Applications.variant(applicationId, 2).toString()));
        return r.body().get("scoreId").asText();
    }

    private static TestResponse put(String applicationId, String body) {
        return TestStack.invoke(handler, Events.request("PUT", DecisionsHandler.PATH,
                Map.of("applicationId", applicationId)).jsonBody(body));
    }

    private static long decisionItems(String applicationId) {
        return stack.items().stream().filter(i -> i.get("applicationId").s().equals(applicationId)
                && i.get("sk").s().startsWith("DECISION#")).count();
    }

    @Test
    void aDecisionIsStoredWithTheScoreItWasMadeAgainst() {
        String scoreId = score("D-1");
        TestResponse r = put("D-1", REFUSAL);
        assertEquals(201, r.status());
        OpenApi.assertValid("Decision", r.body());
        assertEquals(scoreId, r.body().get("scoreId").asText());
        assertEquals(1, r.body().get("revision").asInt());
        assertEquals("REFUSED", r.body().get("outcome").asText());
        assertEquals(List.of("2", "7"), List.of(r.body().get("criteria").get(0).asText(), r.body().get("criteria").get(1).asText()));
        var item = stack.items().stream().filter(i -> i.get("applicationId").s().equals("D-1")
                && i.get("sk").s().equals("DECISION#000001")).findFirst().orElseThrow();
        assertEquals("officer-7", item.get("decidedBy").s(), "the JWT subject is recorded with the decision");
        assertEquals("officer-7", r.body().get("decidedBy").asText(), "and returned as decidedBy");
        assertFalse(r.body().has("officerId"));
    }

    private static TestResponse putAs(String subject, String applicationId, String body) {
        return TestStack.invoke(handler, Events.request("PUT", DecisionsHandler.PATH,
                Map.of("applicationId", applicationId)).jsonBody(body)
                .claims(Map.of("sub", subject, "scope", "licence-risk/officer")));
    }

    @Test
    void aBodyNamingAnotherOfficerIsRefusedAndStoresNothing() {
        score("D-ID-1");
        TestResponse r = putAs("officer-7", "D-ID-1", "{\"outcome\":\"APPROVED\",\"rationale\":\"Fine.\","
                + "\"officerId\":\"officer-99\"}");
        assertEquals(400, r.status(), r.body().toString());
        OpenApi.assertValid("Problem", r.body());
        assertEquals("officerId", r.body().get("problems").get(0).get("field").asText());
        assertTrue(r.body().get("problems").get(0).get("message").asText().contains("decidedBy"));
        assertEquals(0, decisionItems("D-ID-1"));

        TestResponse own = putAs("officer-7", "D-ID-1", "{\"outcome\":\"APPROVED\",\"rationale\":\"Fine.\","
                + "\"officerId\":\"officer-7\"}");
        assertEquals(201, own.status(), "naming oneself is accepted, as older clients do");
        assertEquals("officer-7", own.body().get("decidedBy").asText());
    }

    @Test
    void theSameDecisionByAnotherOfficerIsADifferentDecision() {
        score("D-ID-2");
        assertEquals(201, putAs("officer-7", "D-ID-2", REFUSAL).status());
        TestResponse other = putAs("officer-8", "D-ID-2", REFUSAL);
        assertEquals(409, other.status(), "another officer's identical decision does not pass as a repeat");
        TestResponse revised = putAs("officer-8", "D-ID-2", REFUSAL.replace("}", ",\"revision\":true}"));
        assertEquals(201, revised.status());
        assertEquals("officer-8", revised.body().get("decidedBy").asText());
    }

    @Test
    void theSameDecisionAgainIs200AndStoresNothing() {
        score("D-2");
        TestResponse first = put("D-2", REFUSAL);
        TestResponse again = put("D-2", REFUSAL);
        assertEquals(201, first.status());
        assertEquals(200, again.status());
        assertEquals(first.body(), again.body());
        assertEquals(1, decisionItems("D-2"));
    }

    @Test
    void aDifferentDecisionIs409UnlessSentAsARevisionWhichKeepsHistory() throws Exception {
        score("D-3");
        put("D-3", REFUSAL);
        TestResponse conflict = put("D-3", APPROVAL);
        assertEquals(409, conflict.status());
        OpenApi.assertValid("Problem", conflict.body());
        assertEquals(1, decisionItems("D-3"), "a rejected request stores nothing");

        ObjectNode revision = (ObjectNode) Json.mapper().readTree(APPROVAL);
        revision.put("revision", true);
        TestResponse revised = put("D-3", revision.toString());
        assertEquals(201, revised.status());
        assertEquals(2, revised.body().get("revision").asInt());
        assertEquals("APPROVED_WITH_CONDITIONS", revised.body().get("outcome").asText());
        assertEquals(2, decisionItems("D-3"), "the first decision is kept as history");
        // Repeating the revision is idempotent.
        assertEquals(200, put("D-3", revision.toString()).status());
        assertEquals(2, decisionItems("D-3"));
    }

    @Test
    void anUnknownApplicationIs404() {
        TestResponse r = put("D-UNKNOWN", REFUSAL);
        assertEquals(404, r.status());
        OpenApi.assertValid("Problem", r.body());
        assertEquals(0, decisionItems("D-UNKNOWN"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"outcome\":\"MAYBE\",\"rationale\":\"r\"}|outcome",
            "{\"outcome\":\"REFUSED\",\"criteria\":[],\"rationale\":\"r\"}|criteria",
            "{\"outcome\":\"REFUSED\",\"criteria\":[\"9\"],\"rationale\":\"r\"}|criteria[0]",
            "{\"outcome\":\"REFUSED\",\"criteria\":[\"2\",\"2\"],\"rationale\":\"r\"}|criteria[1]",
            "{\"outcome\":\"APPROVED\",\"criteria\":\"2\",\"rationale\":\"r\"}|criteria",
            "{\"outcome\":\"APPROVED\"}|rationale",
            "{\"outcome\":\"APPROVED\",\"rationale\":\" \"}|rationale",
            "{\"outcome\":\"APPROVED\",\"rationale\":\"r\",\"officerId\":\"a b\"}|officerId",
            "{\"outcome\":\"APPROVED\",\"rationale\":\"r\",\"officerId\":7}|officerId",
            "{\"outcome\":\"APPROVED\",\"rationale\":\"r\",\"revision\":\"yes\"}|revision",
            "{\"outcome\":\"APPROVED\",\"rationale\":\"r\",\"extra\":1}|extra",
            "{\"outcome\":\"APPROVED\",\"rationale\":\"a\\u0000b\"}|rationale",
            "{\"outcome\":\"APPROVED\",\"rationale\":\"a\\ud800b\"}|rationale",
            "[1,2]|$",
            "{oops|$"})
    void invalidDecisionsAre400WithTheField(String body, String field) {
        score("D-BAD");
        TestResponse r = put("D-BAD", body);
        assertEquals(400, r.status(), r.body()::toString);
        OpenApi.assertValid("Problem", r.body());
        assertTrue(r.body().get("problems").findValuesAsText("field").contains(field), r.body()::toString);
        assertEquals(0, decisionItems("D-BAD"));
    }

    @Test
    void aMalformedApplicationIdIs400() {
        TestResponse r = put("bad id!", REFUSAL);
        assertEquals(400, r.status());
        assertEquals("applicationId", r.body().get("problems").get(0).get("field").asText());
    }

    @Test
    void aDecisionWhoseCaseUpdateWasInterruptedIsCompletedByTheNextRequest() {
        String scoreId = score("D-CRASH");
        // The first write of a decision succeeded, the process died before the second.
        new DynamoDbDecisionRepository(stack.client(), stack.config().applicationsTable()).insertIfAbsent(
                new OfficerDecision("D-CRASH", 1, DecisionOutcome.REFUSED, List.of("2"), "Interrupted.", "officer-1",
                        scoreId, 0.5, org.licencerisk.model.scoring.RiskBand.MEDIUM, Instant.now()));
        var cases = new DynamoDbCaseRepository(stack.client(), stack.config().applicationsTable());
        assertFalse(cases.find("D-CRASH").orElseThrow().decided(), "half-written: the case lags");
        TestResponse r = put("D-CRASH", APPROVAL);
        assertEquals(409, r.status(), "the interrupted decision is in force, so a different one conflicts");
        assertTrue(cases.find("D-CRASH").orElseThrow().decided(), "and the case has been completed");
        assertEquals(1, cases.find("D-CRASH").orElseThrow().decisionRevision());
    }

    @Test
    void getIsNotAllowedOnTheDecisionRoute() {
        TestResponse r = TestStack.invoke(handler, Events.get(DecisionsHandler.PATH, Map.of("applicationId", "D-1")));
        assertEquals(405, r.status());
        assertEquals("PUT", r.header("Allow"));
    }
}
