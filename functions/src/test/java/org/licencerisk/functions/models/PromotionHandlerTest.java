package org.licencerisk.functions.models;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.artifacts.LocalArtifactStore;
import org.licencerisk.functions.http.RoleRequirement;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.artifact.ModelManifest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Promotion and rollback through the handler, against dynalite, with the role check and the metric gate. */
class PromotionHandlerTest {

    private static final String CLAIM = "scope";
    private static final String ROLE = "licence-risk/data-scientist";
    private static final Map<String, String> DATA_SCIENTIST = Map.of("sub", "ds-ada", CLAIM, "licence-risk/officers licence-risk/data-scientist");

    @TempDir
    Path artifacts;

    private TestStack stack;
    private DynamoDbModelRegistry registry;
    private PromotionHandler handler;
    private ModelManifest better;
    private ModelManifest worse;

    @BeforeEach
    void setUp() {
        stack = TestStack.create();
        registry = new DynamoDbModelRegistry(stack.client(), stack.config().modelsTable());
        // Tolerance 0, so that any difference in average precision decides.
        handler = new PromotionHandler(new PromotionService(registry, Clock.systemUTC(), 0.0), RoleRequirement.of(ROLE),
                stack.components().logger());
        LocalArtifactStore store = new LocalArtifactStore(artifacts);
        ModelManifest a = register(store, TestModel.directory());
        ModelManifest b = register(store, TestModel.challengerDirectory());
        boolean aBetter = a.metrics().averagePrecision() > b.metrics().averagePrecision();
        better = aBetter ? a : b;
        worse = aBetter ? b : a;
        assertTrue(better.metrics().averagePrecision() > worse.metrics().averagePrecision(), "the two test models differ");
    }

    private ModelManifest register(LocalArtifactStore store, Path dir) {
        ModelManifest manifest = ModelArtifact.load(dir).manifest();
        assertTrue(registry.register(manifest, store.put(dir), "ds-grace", Instant.parse("2026-11-29T10:00:00Z")));
        return manifest;
    }

    private TestResponse promote(String version, Map<String, String> claims, String body) {
        Events event = Events.request("POST", PromotionHandler.PROMOTE, Map.of("modelVersion", version)).claims(claims);
        return TestStack.invoke(handler, body == null ? event.jsonBody("") : event.jsonBody(body));
    }

    private ModelStatus status(ModelManifest m) {
        return registry.find(m.modelVersion()).orElseThrow().status();
    }

    @Test
    void onlyDataScientistsMayPromoteOrReadTheAuditTrail() {
        for (Map<String, String> claims : java.util.List.of(Map.<String, String>of(), Map.of("sub", "officer-1", CLAIM, "licence-risk/officers"),
                Map.of(CLAIM, "licence-risk/data-scientist"))) {
            TestResponse r = promote(better.modelVersion(), claims, null);
            assertEquals(403, r.status(), claims.toString());
            OpenApi.assertValid("Problem", r.body());
            assertEquals(403, TestStack.invoke(handler, Events.get(PromotionHandler.HISTORY, Map.of()).claims(claims)).status());
        }
        assertTrue(registry.champion().isEmpty(), "nothing changed");
    }

    @Test
    void theFirstPromotionMakesAChampionAndAWorseChallengerIsRefusedWithTheNumbers() {
        TestResponse first = promote(better.modelVersion(), DATA_SCIENTIST, null);
        assertEquals(200, first.status());
        OpenApi.assertValid("PromotionRecord", first.body());
        assertEquals(1, first.body().get("revision").asLong());
        assertEquals("ds-ada", first.body().get("actor").asText());
        assertFalse(first.body().has("fromVersion"));
        assertEquals(ModelStatus.CHAMPION, status(better));

        TestResponse refused = promote(worse.modelVersion(), DATA_SCIENTIST, "{}");
        assertEquals(409, refused.status());
        OpenApi.assertValid("Problem", refused.body());
        JsonNode numbers = refused.body().get("comparison");
        assertEquals(worse.metrics().averagePrecision(), numbers.get("challengerAveragePrecision").asDouble(), 1e-12);
        assertEquals(better.metrics().averagePrecision(), numbers.get("championAveragePrecision").asDouble(), 1e-12);
        assertFalse(numbers.get("passed").asBoolean());
        assertEquals(better.modelVersion(), registry.champion().orElseThrow().toVersion(), "the champion stays");
        assertEquals(ModelStatus.CANDIDATE, status(worse));

        assertEquals(409, promote(better.modelVersion(), DATA_SCIENTIST, null).status(), "already the champion");
    }

    @Test
    void forcingNeedsAReasonAndRollingBackIsPromotingTheRetiredChampionAgain() {
        assertEquals(200, promote(better.modelVersion(), DATA_SCIENTIST, null).status());
        TestResponse noReason = promote(worse.modelVersion(), DATA_SCIENTIST, "{\"force\": true}");
        assertEquals(400, noReason.status());
        assertEquals("reason", noReason.body().get("problems").get(0).get("field").asText());

        TestResponse forced = promote(worse.modelVersion(), DATA_SCIENTIST,
                "{\"force\": true, \"reason\": \"Policy change: the new end-user rules matter more than AP.\"}");
        assertEquals(200, forced.status());
        assertTrue(forced.body().get("forced").asBoolean());
        assertEquals("PROMOTION", forced.body().get("kind").asText());
        assertEquals(better.modelVersion(), forced.body().get("fromVersion").asText());
        assertEquals(ModelStatus.CHAMPION, status(worse));
        assertEquals(ModelStatus.RETIRED, status(better));

        TestResponse rollback = promote(better.modelVersion(), DATA_SCIENTIST, "{\"reason\": \"Too many false alarms.\"}");
        assertEquals(200, rollback.status());
        assertEquals("ROLLBACK", rollback.body().get("kind").asText());
        assertFalse(rollback.body().get("forced").asBoolean());
        assertEquals(ModelStatus.CHAMPION, status(better));
        assertEquals(ModelStatus.RETIRED, status(worse));

        TestResponse audit = TestStack.invoke(handler, Events.get(PromotionHandler.HISTORY, Map.of()).claims(DATA_SCIENTIST));
        assertEquals(200, audit.status());
        OpenApi.assertValid("PromotionList", audit.body());
        JsonNode items = audit.body().get("items");
        assertEquals(3, items.size());
        assertEquals(3, items.get(0).get("revision").asLong());
        assertEquals("Too many false alarms.", items.get(0).get("reason").asText());
        assertEquals(worse.modelVersion(), items.get(0).get("fromVersion").asText());
        assertEquals(better.modelVersion(), items.get(0).get("toVersion").asText());
        assertEquals(better.modelVersion(), items.get(2).get("toVersion").asText());
    }

    @Test
    void aChangeInterruptedAfterThePointerMovedIsCompletedByTheNextPromotion() {
        assertEquals(200, promote(worse.modelVersion(), DATA_SCIENTIST, null).status());
        // A promoter that crashed right after moving the pointer: no audit record, statuses not updated.
        PromotionRecord crashed = new PromotionRecord(2, PromotionKind.PROMOTION, worse.modelVersion(),
                better.modelVersion(), "ds-crash", Instant.parse("2026-11-29T11:00:00Z"), null, false, null);
        assertTrue(registry.moveChampion(crashed));
        assertEquals(ModelStatus.CANDIDATE, status(better));
        assertEquals(1, registry.promotions().size());

        TestResponse again = promote(better.modelVersion(), DATA_SCIENTIST, null);
        assertEquals(409, again.status(), "it is the champion already");
        assertEquals(2, registry.promotions().size(), "the audit record was completed");
        assertEquals(ModelStatus.CHAMPION, status(better));
        assertEquals(ModelStatus.RETIRED, status(worse));
    }

    @Test
    void aStalePointerRevisionDoesNotMoveThePointerAndOldStatusUpdatesDoNotUndoNewerOnes() {
        assertEquals(200, promote(better.modelVersion(), DATA_SCIENTIST, null).status());
        PromotionRecord stale = new PromotionRecord(1, PromotionKind.PROMOTION, null, worse.modelVersion(), "late",
                Instant.now(), null, false, null);
        assertFalse(registry.moveChampion(stale));
        assertEquals(better.modelVersion(), registry.champion().orElseThrow().toVersion());
        registry.setStatus(better.modelVersion(), ModelStatus.RETIRED, 0, "late", Instant.now());
        assertEquals(ModelStatus.CHAMPION, status(better));
    }

    @Test
    void unknownAndMalformedVersionsAndBadBodies() {
        assertEquals(404, promote("no-such-model", DATA_SCIENTIST, null).status());
        assertEquals(400, promote("a b", DATA_SCIENTIST, null).status());
        assertEquals(400, promote(better.modelVersion(), DATA_SCIENTIST, "{\"force\": \"yes\"}").status());
        assertEquals(400, promote(better.modelVersion(), DATA_SCIENTIST, "{\"unknown\": 1}").status());
        assertEquals(400, promote(better.modelVersion(), DATA_SCIENTIST, "[]").status());
        assertTrue(registry.champion().isEmpty());
    }

}
