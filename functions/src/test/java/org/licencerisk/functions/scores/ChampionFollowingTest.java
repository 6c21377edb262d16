package org.licencerisk.functions.scores;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.models.ModelRegistry;
import org.licencerisk.functions.models.PromotionKind;
import org.licencerisk.functions.models.PromotionRecord;
import org.licencerisk.functions.models.PromotionRequest;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.artifact.ModelArtifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A running scoring handler follows the champion pointer without a restart (checked every second here), and keeps
 * serving its model when the new champion's artifact fails verification.
 */
class ChampionFollowingTest {

    private static final PromotionRequest FORCED = new PromotionRequest(true, "Test: promote regardless of metrics.");

    @TempDir
    Path artifacts;

    private TestStack stack;
    private ScoresHandler handler;
    private ModelRegistry registry;
    private ArtifactStore store;
    private final AtomicInteger next = new AtomicInteger();

    @BeforeEach
    void setUp() {
        stack = TestStack.withEnvironment(Map.of(ApiConfig.ARTIFACT_DIR, artifacts.toString(),
                ApiConfig.CHAMPION_CHECK_SECONDS, "1"));
        handler = new ScoresHandler(stack.components());
        registry = stack.components().registry();
        store = stack.components().artifactStore().orElseThrow();
    }

    private String score() {
        String id = "NL-2026-CH" + next.incrementAndGet();
        TestResponse r = TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(Applications.variant(id, next.get()).toString()));
        assertEquals(201, r.status());
        OpenApi.assertValid("Score", r.body());
        return r.body().get("modelVersion").asText();
    }

    private String register(Path dir) {
        String version = ModelArtifact.load(dir).manifest().modelVersion();
        assertTrue(registry.register(ModelArtifact.load(dir).manifest(), store.put(dir), "ds-grace", Instant.now()));
        return version;
    }

    /** Scores until the version changes to {@code expected}, for at most 10 s; returns how many scores that took. */
    private int scoreUntil(String expected) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        for (int n = 1; System.nanoTime() < deadline; n++) {
            if (score().equals(expected)) {
                return n;
            }
            Thread.sleep(100);
        }
        return fail("No score carried " + expected + " within 10 s.");
    }

    @Test
    void theBundledModelServesWithoutAPointerBecomesTheFirstChampionAtTheFirstPromotionWhichIsServedWithoutARestart()
            throws InterruptedException {
        String bundled = TestModel.scorer().manifest().modelVersion();
        assertEquals(bundled, score());
        assertTrue(registry.champion().isEmpty(), "the scoring function registers its model, never the pointer");
        assertNull(registry.find(bundled).orElseThrow().artifact());

        String challenger = register(TestModel.challengerDirectory());
        PromotionRecord promoted = stack.components().promotionService().promote(challenger, "ds-ada", FORCED);
        assertEquals(2, promoted.revision());
        assertEquals(bundled, promoted.fromVersion(), "the gate compared the challenger with the model that served");
        assertNotNull(promoted.comparison());
        PromotionRecord first = registry.promotions().get(1);
        assertEquals(PromotionKind.INITIAL, first.kind());
        assertEquals(bundled, first.toVersion());
        assertEquals("ds-ada", first.actor());
        scoreUntil(challenger);
        assertTrue(stack.logs().contains("\"champion_loaded\""));

        stack.components().promotionService().promote(bundled, "ds-ada", FORCED);
        scoreUntil(bundled);
    }

    @Test
    void theSameContentPostedAfterAPromotionIsANewScoreByTheNewChampionAndTheHistoryKeepsBoth()
            throws InterruptedException {
        String id = "NL-2026-CH-SAME";
        String body = Applications.variant(id, 3).toString();
        TestResponse before = TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(body));
        assertEquals(201, before.status());
        TestResponse repeat = TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(body));
        assertEquals(200, repeat.status(), "same content, same model: the stored score");
        assertEquals(before.body(), repeat.body());

        String challenger = register(TestModel.challengerDirectory());
        stack.components().promotionService().promote(challenger, "ds-ada", FORCED);
        scoreUntil(challenger);
        TestResponse after = TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(body));
        assertEquals(201, after.status(), "same content, new champion: a new score");
        assertEquals(challenger, after.body().get("modelVersion").asText());
        assertNotEquals(before.body().get("scoreId"), after.body().get("scoreId"));
        TestResponse history = TestStack.invoke(new ApplicationScoresHandler(stack.components()),
                Events.get(ApplicationScoresHandler.HISTORY, Map.of("applicationId", id)));
        assertEquals(2, history.body().get("items").size(), "the history keeps the old champion's score");
        assertEquals(after.body(), history.body().get("items").get(0));
        assertEquals(before.body(), history.body().get("items").get(1));
    }

    @Test
    void anIdleContainerLearnsOfAPromotionOnItsNextRequestLoadsOffThePathAndReScoresWhatTheOldChampionScored()
            throws InterruptedException {
        String bundled = TestModel.scorer().manifest().modelVersion();
        assertEquals(bundled, score());
        String challenger = register(TestModel.challengerDirectory());
        stack.components().promotionService().promote(challenger, "ds-ada", FORCED);
        // Idle for more than two check intervals: the next request reads the pointer itself, but never loads on the
        // request path; its score is by the previous champion, and the container knows it.
        Thread.sleep(2_200);
        String id = "NL-2026-CH-IDLE";
        TestResponse late = TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(Applications.variant(id, 5).toString()));
        assertEquals(201, late.status());
        assertEquals(bundled, late.body().get("modelVersion").asText(), "served at once by the model in memory");

        // Once the new champion serves, the application is re-scored by it (its history keeps both).
        ApplicationScoresHandler scores = new ApplicationScoresHandler(stack.components());
        long deadline = System.nanoTime() + 10_000_000_000L;
        TestResponse latest;
        do {
            Thread.sleep(50);
            latest = TestStack.invoke(scores, Events.get(ApplicationScoresHandler.LATEST, Map.of("applicationId", id)));
        } while (!latest.body().get("modelVersion").asText().equals(challenger) && System.nanoTime() < deadline);
        assertEquals(challenger, latest.body().get("modelVersion").asText());
        assertEquals(2, TestStack.invoke(scores, Events.get(ApplicationScoresHandler.HISTORY,
                Map.of("applicationId", id))).body().get("items").size());
        assertTrue(stack.logs().contains("\"scored_by_previous_rescored\""), stack.logs());
        assertEquals(challenger, score(), "and new requests are scored by it");
    }

    @Test
    void aTamperedArtifactIsRefusedAndTheOldChampionKeepsServing() throws IOException, InterruptedException {
        String bundled = TestModel.scorer().manifest().modelVersion();
        assertEquals(bundled, score());
        String tampered = register(TestModel.thirdDirectory());
        Path modelFile = artifacts.resolve(tampered).resolve(ModelArtifact.MODEL_FILE);
        byte[] bytes = Files.readAllBytes(modelFile);
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(modelFile, bytes);
        stack.components().promotionService().promote(tampered, "ds-mallory", FORCED);

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!stack.logs().contains("\"champion_refused\"") && System.nanoTime() < deadline) {
            assertEquals(bundled, score(), "the old champion serves while the new one is checked");
            Thread.sleep(100);
        }
        assertTrue(stack.logs().contains("\"champion_refused\""), "the refusal is logged");
        Thread.sleep(1_200);
        for (int i = 0; i < 3; i++) {
            assertEquals(bundled, score(), "and keeps serving after the refusal");
        }
    }
}
