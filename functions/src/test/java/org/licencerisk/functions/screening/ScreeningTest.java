package org.licencerisk.functions.screening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.decisions.DecisionsHandler;
import org.licencerisk.functions.denials.DenialsHandler;
import org.licencerisk.functions.matches.MatchReviewsHandler;
import org.licencerisk.functions.queue.QueueHandler;
import org.licencerisk.functions.scores.ApplicationScoresHandler;
import org.licencerisk.functions.scores.DynamoDbScoreRepository;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.ExactNameScreener;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Screening on every score, re-screening on register changes, reviews, the consultation guard and own refusals. */
class ScreeningTest {

    private static final Map<String, String> ADMIN = Map.of("sub", "admin-1", "scope", "licence-risk/denial-admin");
    private static final Map<String, String> OFFICER = Map.of("sub", "officer-7", "scope", "licence-risk/officer");
    /** The example application's consignee: the name the synthetic denial below repeats. */
    private static final String CONSIGNEE = "Cairo Systems Trading";
    private static final String APP = "NL-2026-000123";

    private TestStack stack;

    @BeforeEach
    void setUp() {
        stack = TestStack.withScreening(ExactNameScreener::new);
    }

    private ObjectNode denial(String party, String entry) {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("source", "NOTIFICATION");
        d.put("notifyingState", "DE");
        d.put("notifiedOn", "2026-01-15");
        d.putArray("criteria").add("7");
        d.putArray("controlListEntries").add(entry);
        d.put("itemDescription", "Network monitoring centre");
        d.put("destinationCountry", "EG");
        ObjectNode p = d.putArray("parties").addObject();
        p.put("role", "CONSIGNEE");
        p.put("name", party);
        p.put("country", "EG");
        return d;
    }

    private TestResponse putDenial(String id, ObjectNode body) {
        TestResponse r = TestStack.invoke(new DenialsHandler(stack.components()), Events.request("PUT",
                DenialsHandler.PATH, Map.of("denialId", id)).jsonBody(body.toString()).claims(ADMIN));
        stack.components().registerFollower().orElseThrow().refresh();
        return r;
    }

    private TestResponse score(ObjectNode application) {
        return TestStack.invoke(new ScoresHandler(stack.components()), Events.request("POST", ScoresHandler.PATH,
                Map.of()).jsonBody(application.toString()));
    }

    private JsonNode latest(String applicationId) {
        return TestStack.invoke(new ApplicationScoresHandler(stack.components()),
                Events.get("/v1/applications/{applicationId}/scores/latest", Map.of("applicationId", applicationId)))
                .body();
    }

    private TestResponse decide(String applicationId, String body) {
        return TestStack.invoke(new DecisionsHandler(stack.components()), Events.request("PUT", DecisionsHandler.PATH,
                Map.of("applicationId", applicationId)).jsonBody(body).claims(OFFICER));
    }

    private TestResponse review(String applicationId, String denialId, String body) {
        return TestStack.invoke(new MatchReviewsHandler(stack.components()), Events.request("PUT",
                MatchReviewsHandler.PATH, Map.of("applicationId", applicationId, "denialId", denialId))
                .jsonBody(body).claims(OFFICER));
    }

    private static List<String> codes(JsonNode score) {
        List<String> out = new ArrayList<>();
        score.get("redFlags").forEach(f -> out.add(f.get("code").asText()));
        return out;
    }

    @Test
    void aScoreCarriesItsMatchesFlagsAndRegisterVersionAndTheQueueCountsThem() {
        putDenial("DE-1", denial(CONSIGNEE, "5A001.j"));
        TestResponse r = score(Applications.surveillance());
        assertEquals(201, r.status());
        OpenApi.assertValid("Score", r.body());
        assertEquals("denials-1", r.body().get("registerVersion").asText());
        JsonNode match = r.body().get("denialMatches").get(0);
        assertEquals("DE-1", match.get("denialId").asText());
        assertEquals("ESSENTIALLY_IDENTICAL", match.get("verdict").asText());
        assertTrue(codes(r.body()).containsAll(List.of("DENIAL_ESSENTIALLY_IDENTICAL", "DENIED_PARTY")));
        assertEquals(r.body(), latest(APP), "the stored score keeps the matches");
        JsonNode queue = TestStack.invoke(new QueueHandler(stack.components()), Events.get(QueueHandler.PATH, Map.of())
                .claims(OFFICER)).body();
        assertEquals(1, queue.get("items").get(0).get("denialMatchCount").asInt());
        OpenApi.assertValid("QueuePage", queue);
        assertEquals(200, score(Applications.surveillance()).status(), "the same content and register: the same score");
        assertFalse(stack.logs().contains(CONSIGNEE), "no party name in the logs");
    }

    @Test
    void anApplicationWithoutMatchesCarriesAnEmptyList() {
        putDenial("DE-2", denial("Some Other Firm", "5A001.j"));
        TestResponse r = score(Applications.surveillance());
        assertEquals(0, r.body().get("denialMatches").size());
        assertFalse(codes(r.body()).contains("DENIED_PARTY"));
    }

    @Test
    void addingAmendingAndRevokingADenialRescreensOpenCases() {
        score(Applications.surveillance());
        assertEquals(0, latest(APP).get("denialMatches").size());

        putDenial("DE-3", denial(CONSIGNEE, "5A001.j"));
        RescreenRun added = stack.components().rescreenService().run();
        assertEquals(1, added.changed());
        JsonNode afterAdd = latest(APP);
        assertEquals("DE-3", afterAdd.get("denialMatches").get(0).get("denialId").asText());
        assertTrue(codes(afterAdd).contains("DENIAL_ESSENTIALLY_IDENTICAL"));
        OpenApi.assertValid("Score", afterAdd);

        putDenial("DE-3", denial(CONSIGNEE, "ML10"));
        stack.components().rescreenService().run();
        JsonNode afterAmend = latest(APP);
        assertEquals("SAME_PARTY", afterAmend.get("denialMatches").get(0).get("verdict").asText(),
                "other goods: the same party, no longer essentially identical");
        assertFalse(codes(afterAmend).contains("DENIAL_ESSENTIALLY_IDENTICAL"));

        TestStack.invoke(new DenialsHandler(stack.components()), Events.request("POST", DenialsHandler.REVOKE_PATH,
                Map.of("denialId", "DE-3")).jsonBody("{\"reason\":\"Annulled.\"}").claims(ADMIN));
        stack.components().registerFollower().orElseThrow().refresh();
        stack.components().rescreenService().run();
        JsonNode afterRevoke = latest(APP);
        assertEquals(0, afterRevoke.get("denialMatches").size());
        assertFalse(codes(afterRevoke).contains("DENIED_PARTY"));
        assertEquals(0, stack.components().rescreenService().run().changed(), "a second run changes nothing");
    }

    @Test
    void aDecidedApplicationKeepsWhatWasShownWhenItWasDecided() {
        score(Applications.surveillance());
        JsonNode decided = latest(APP);
        assertEquals(201, decide(APP, "{\"outcome\":\"APPROVED\",\"criteria\":[],\"rationale\":\"Fine.\","
                + "\"officerId\":\"officer-7\"}").status());
        putDenial("DE-4", denial(CONSIGNEE, "5A001.j"));
        stack.components().rescreenService().run();
        assertEquals(decided, latest(APP));
    }

    @Test
    void aDecisionRacingARescreenKeepsTheDecidedScore() {
        score(Applications.surveillance());
        JsonNode shown = latest(APP);
        putDenial("DE-5", denial(CONSIGNEE, "5A001.j"));
        AtomicBoolean decidedOnce = new AtomicBoolean();
        var c = stack.components();
        RescreenService racing = new RescreenService(c.registerFollower().orElseThrow(), c.denials(), c.cases(),
                new DynamoDbScoreRepository(c.dynamoDb(), c.config().applicationsTable()), c.clock(), 100, () -> {
                    // The officer decides after the re-screening stored its score, before it updates the case.
                    if (decidedOnce.compareAndSet(false, true)) {
                        assertEquals(201, decide(APP, "{\"outcome\":\"APPROVED\",\"criteria\":[],\"rationale\":"
                                + "\"Fine.\",\"officerId\":\"officer-7\"}").status());
                    }
                });
        RescreenRun run = racing.run();
        assertEquals(1, run.decidedMeanwhile());
        assertEquals(shown, latest(APP), "the decided application shows what the officer saw");
        assertEquals(shown.get("scoreId").asText(), stack.items().stream().filter(i -> i.get("sk").s().equals("CASE"))
                .findFirst().orElseThrow().get("scoreId").s());
        assertEquals(1, stack.items().stream().filter(i -> i.get("sk").s().startsWith("SCORE#")).count(),
                "the re-screening's score is gone again");
    }

    @Test
    void aConfirmedEssentiallyIdenticalMatchBlocksAGrantUnlessOverridden() {
        putDenial("DE-6", denial(CONSIGNEE, "5A001.j"));
        score(Applications.surveillance());
        TestResponse noReason = review(APP, "DE-6", "{\"verdict\":\"DISMISSED\"}");
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.body().get("problems").get(0).get("field").asText());
        assertEquals(404, review(APP, "DE-NONE", "{\"verdict\":\"CONFIRMED\"}").status());
        TestResponse confirmed = review(APP, "DE-6", "{\"verdict\":\"CONFIRMED\",\"reason\":\"Same consignee.\"}");
        assertEquals(201, confirmed.status());
        OpenApi.assertValid("MatchReview", confirmed.body());
        assertEquals("officer-7", confirmed.body().get("officer").asText(), "the officer is the token's subject");
        assertEquals("DE", confirmed.body().get("consultation").get("notifyingState").asText());
        assertEquals("OPEN", confirmed.body().get("consultation").get("status").asText());

        String grant = "{\"outcome\":\"APPROVED\",\"criteria\":[],\"rationale\":\"Fine.\",\"officerId\":\"officer-7\"";
        TestResponse blocked = decide(APP, grant + "}");
        assertEquals(409, blocked.status());
        assertTrue(blocked.body().get("detail").asText().contains("consult"));
        TestResponse overridden = decide(APP, grant + ",\"consultationOverride\":{\"reason\":\"Consulted by phone.\"}}");
        assertEquals(201, overridden.status());
        JsonNode matchCase = TestStack.invoke(new MatchReviewsHandler(stack.components()), Events.get(
                MatchReviewsHandler.CASE_PATH, Map.of("applicationId", APP)).claims(OFFICER)).body();
        OpenApi.assertValid("DenialMatchCase", matchCase);
        JsonNode consultation = matchCase.get("consultations").get(0);
        assertEquals("OVERRIDDEN", consultation.get("status").asText());
        assertEquals("officer-7", consultation.get("overriddenBy").asText());
        assertEquals(1, matchCase.get("reviews").size());
        assertFalse(stack.logs().contains("Consulted by phone"));
    }

    @Test
    void aRefusalBecomesAnOwnDenialAndARevisionRevokesIt() {
        score(Applications.surveillance());
        assertEquals(201, decide(APP, "{\"outcome\":\"REFUSED\",\"criteria\":[\"2\",\"7\"],\"rationale\":\"Risk.\","
                + "\"officerId\":\"officer-7\"}").status());
        JsonNode own = TestStack.invoke(new DenialsHandler(stack.components()), Events.get(DenialsHandler.PATH,
                Map.of("denialId", "OWN:" + APP)).claims(OFFICER)).body();
        OpenApi.assertValid("Denial", own);
        assertEquals("OWN", own.get("source").asText());
        assertEquals("NL", own.get("notifyingState").asText());
        assertEquals("EG", own.get("destinationCountry").asText());
        assertEquals(List.of("2", "7"), List.of(own.get("criteria").get(0).asText(), own.get("criteria").get(1).asText()));
        assertEquals(2, own.get("parties").size(), "end user and consignee");
        assertEquals("5A001.j", own.get("controlListEntries").get(0).asText());

        // Another application to the same consignee now matches the own refusal.
        stack.components().registerFollower().orElseThrow().refresh();
        TestResponse other = score((ObjectNode) Applications.surveillance().put("applicationId", "NL-2026-000999"));
        assertEquals("OWN:" + APP, other.body().get("denialMatches").get(0).get("denialId").asText());

        assertEquals(201, decide(APP, "{\"outcome\":\"APPROVED\",\"criteria\":[],\"rationale\":\"On appeal.\","
                + "\"officerId\":\"officer-7\",\"revision\":true}").status());
        JsonNode revoked = TestStack.invoke(new DenialsHandler(stack.components()), Events.get(DenialsHandler.PATH,
                Map.of("denialId", "OWN:" + APP)).claims(OFFICER)).body();
        assertEquals("REVOKED", revoked.get("status").asText());
        assertFalse(stack.logs().contains(CONSIGNEE));
    }
}
