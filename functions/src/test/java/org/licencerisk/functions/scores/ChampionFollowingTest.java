package org.licencerisk.functions.scores;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.models.ChampionModel;
import org.licencerisk.functions.models.ModelRegistry;
import org.licencerisk.functions.models.PromotionKind;
import org.licencerisk.functions.models.PromotionRecord;
import org.licencerisk.functions.models.PromotionRequest;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.ManualTime;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.artifact.ModelArtifact;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running scoring handler follows the champion pointer without a restart (checked every second here), and keeps
 * serving its model when the new champion's artifact fails verification. The checks' clock and background thread are
 * the test's ({@link ManualTime}): a second passes when the test says so, and a check runs when the test runs it.
 */
class ChampionFollowingTest {

    private static final Duration CHECK = Duration.ofMillis(1_100);
    private static final PromotionRequest FORCED = new PromotionRequest(true, "Test: promote regardless of metrics.");

    @TempDir
    Path artifacts;

    private TestStack stack;
    private ScoresHandler handler;
    private ModelRegistry registry;
    private ArtifactStore store;
    private final AtomicInteger next = new AtomicInteger();
    private final ManualTime time = new ManualTime();

    @BeforeEach
    void setUp() {
        stack = TestStack.withEnvironment(Map.of(ApiConfig.ARTIFACT_DIR, artifacts.toString(),
                ApiConfig.CHAMPION_CHECK_SECONDS, "1"), time);
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

    /**
     * A check interval passes: the next score is still by the model in memory and hands a check to the background;
     * once that has run, scores carry {@code expected}.
     */
    private void nextIntervalServes(String expected, String before) {
        time.advance(CHECK);
        assertEquals(before, score(), "the request that noticed the interval is served by the model in memory");
        assertTrue(time.runPending() > 0, "it handed the check to the background");
        assertEquals(expected, score());
    }

    @Test
    void theBundledModelServesWithoutAPointerBecomesTheFirstChampionAtTheFirstPromotionWhichIsServedWithoutARestart() {
        String bundled = TestModel.scorer().manifest().modelVersion();
        assertEquals(bundled, score());
        time.runPending();
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
        assertEquals(bundled, score(), "within the interval the model in memory serves without reading the pointer");
        assertEquals(0, time.pendingTasks());
        nextIntervalServes(challenger, bundled);
        assertTrue(stack.logs().contains("\"champion_loaded\""));

        stack.components().promotionService().promote(bundled, "ds-ada", FORCED);
        nextIntervalServes(bundled, challenger);
    }

    @Test
    void theSameContentPostedAfterAPromotionIsANewScoreByTheNewChampionAndTheHistoryKeepsBoth() {
        String bundled = TestModel.scorer().manifest().modelVersion();
        String id = "NL-2026-CH-SAME";
        String body = Applications.variant(id, 3).toString();
        TestResponse before = TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(body));
        assertEquals(201, before.status());
        TestResponse repeat = TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(body));
        assertEquals(200, repeat.status(), "same content, same model: the stored score");
        assertEquals(before.body(), repeat.body());
        time.runPending();

        String challenger = register(TestModel.challengerDirectory());
        stack.components().promotionService().promote(challenger, "ds-ada", FORCED);
        nextIntervalServes(challenger, bundled);
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
    void anIdleContainerLearnsOfAPromotionOnItsNextRequestLoadsOffThePathAndReScoresWhatTheOldChampionScored() {
        String bundled = TestModel.scorer().manifest().modelVersion();
        assertEquals(bundled, score());
        time.runPending();
        String challenger = register(TestModel.challengerDirectory());
        stack.components().promotionService().promote(challenger, "ds-ada", FORCED);
        // Idle for more than two check intervals: the next request reads the pointer itself, but never loads on the
        // request path; its score is by the previous champion, and the container knows it.
        time.advance(ChampionModel.staleAfter(Duration.ofSeconds(1)).plusMillis(200));
        String id = "NL-2026-CH-IDLE";
        TestResponse late = TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(Applications.variant(id, 5).toString()));
        assertEquals(201, late.status());
        assertEquals(bundled, late.body().get("modelVersion").asText(), "served at once by the model in memory");

        // Once the new champion serves, the application is re-scored by it (its history keeps both).
        ApplicationScoresHandler scores = new ApplicationScoresHandler(stack.components());
        assertEquals(bundled, TestStack.invoke(scores, Events.get(ApplicationScoresHandler.LATEST,
                Map.of("applicationId", id))).body().get("modelVersion").asText(), "nothing loaded on the request path");
        assertTrue(time.runPending() > 0, "the load runs in the background");
        TestResponse latest = TestStack.invoke(scores, Events.get(ApplicationScoresHandler.LATEST,
                Map.of("applicationId", id)));
        assertEquals(challenger, latest.body().get("modelVersion").asText());
        assertEquals(2, TestStack.invoke(scores, Events.get(ApplicationScoresHandler.HISTORY,
                Map.of("applicationId", id))).body().get("items").size());
        assertTrue(stack.logs().contains("\"scored_by_previous_rescored\""), stack.logs());
        assertEquals(challenger, score(), "and new requests are scored by it");
    }

    @Test
    void aTamperedArtifactIsRefusedAndTheOldChampionKeepsServing() throws IOException {
        String bundled = TestModel.scorer().manifest().modelVersion();
        assertEquals(bundled, score());
        time.runPending();
        String tampered = register(TestModel.thirdDirectory());
        Path modelFile = artifacts.resolve(tampered).resolve(ModelArtifact.MODEL_FILE);
        byte[] bytes = Files.readAllBytes(modelFile);
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(modelFile, bytes);
        stack.components().promotionService().promote(tampered, "ds-mallory", FORCED);

        time.advance(CHECK);
        assertEquals(bundled, score(), "the old champion serves while the new one is checked");
        time.runPending();
        assertTrue(stack.logs().contains("\"champion_refused\""), "the refusal is logged");
        for (int i = 0; i < 3; i++) {
            time.advance(CHECK);
            assertEquals(bundled, score(), "and keeps serving after the refusal");
            time.runPending();
        }
        assertEquals(1, stack.logs().split("\"champion_refused\"", -1).length - 1,
                "the refused artifact is not fetched again until the pointer changes");
    }
}
