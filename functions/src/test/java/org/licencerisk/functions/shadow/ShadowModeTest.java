package org.licencerisk.functions.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.models.ChampionModel;
import org.licencerisk.functions.models.ModelRegistry;
import org.licencerisk.functions.models.ModelStatus;
import org.licencerisk.functions.models.PromotionRequest;
import org.licencerisk.functions.models.ShadowModels;
import org.licencerisk.functions.queue.DynamoDbCaseRepository;
import org.licencerisk.functions.queue.QueueHandler;
import org.licencerisk.functions.scores.ApplicationScoresHandler;
import org.licencerisk.functions.scores.DynamoDbScoreRepository;
import org.licencerisk.functions.scores.InputHash;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.scores.ScoringResult;
import org.licencerisk.functions.scores.ScoringService;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.ManualTime;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.artifact.ModelArtifact;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shadow mode end to end against dynalite and a local artifact directory: a model put in shadow scores new
 * applications, its scores are stored apart and never returned, repeats store nothing, a corrupt shadow artifact or a
 * failing shadow store never touches the primary score, and only data scientists switch it on and off.
 */
class ShadowModeTest {

    private static final String CLAIM = "scope";
    private static final Map<String, String> DATA_SCIENTIST = Map.of("sub", "ds-ada", CLAIM, "licence-risk/data-scientist");
    private static final Map<String, String> OFFICER = Map.of("sub", "officer-1", CLAIM, "licence-risk/officer");
    private static final Duration CHECK = Duration.ofMillis(1_100);
    private static final PromotionRequest FORCED = new PromotionRequest(true, "Test: promote regardless of metrics.");
    private static final Set<String> SHADOW_ITEM_ATTRIBUTES = new TreeSet<>(List.of("modelVersion", "pairKey",
            "applicationId", "riskScore", "riskBand", "topFactors", "redFlagCodes", "primaryModelVersion",
            "primaryRiskScore", "primaryRiskBand", "primaryScoreId", "scoredAt", "expiresAt"));

    @TempDir
    Path artifacts;

    private TestStack stack;
    private ScoresHandler scores;
    private ShadowHandler shadow;
    private ModelRegistry registry;
    private ArtifactStore store;
    private String bundled;
    private final AtomicInteger next = new AtomicInteger();
    private final ManualTime time = new ManualTime();

    @BeforeEach
    void setUp() {
        stack = TestStack.withEnvironment(Map.of(ApiConfig.ARTIFACT_DIR, artifacts.toString(),
                ApiConfig.CHAMPION_CHECK_SECONDS, "1"), time);
        scores = new ScoresHandler(stack.components());
        shadow = new ShadowHandler(stack.components());
        registry = stack.components().registry();
        store = stack.components().artifactStore().orElseThrow();
        bundled = TestModel.scorer().manifest().modelVersion();
    }

    private TestResponse post(String body) {
        return TestStack.invoke(scores, Events.request("POST", ScoresHandler.PATH, Map.of()).jsonBody(body));
    }

    /** Scores a new application; returns the response after checking it is a primary score of the champion. */
    private TestResponse scoreNew() {
        int n = next.incrementAndGet();
        TestResponse r = post(Applications.variant("NL-2026-SH" + n, n).toString());
        assertEquals(201, r.status(), r.body().toString());
        OpenApi.assertValid("Score", r.body());
        assertEquals(bundled, r.body().get("modelVersion").asText(), "the primary score is the champion's");
        return r;
    }

    private TestResponse shadowRequest(String method, String version, Map<String, String> claims) {
        return TestStack.invoke(shadow, Events.request(method, ShadowHandler.SHADOW, Map.of("modelVersion", version))
                .claims(claims));
    }

    private String register(Path dir) {
        String version = ModelArtifact.load(dir).manifest().modelVersion();
        assertTrue(registry.register(ModelArtifact.load(dir).manifest(), store.put(dir), "ds-grace", Instant.now()));
        return version;
    }

    /**
     * A check interval passes and a new application is scored, which hands the checks to the background; they run.
     * Returns how many shadow scores that application got (by the models known before the check).
     */
    private int nextCheck() {
        int before = stack.shadowItems().size();
        time.advance(CHECK);
        scoreNew();
        int scored = stack.shadowItems().size() - before;
        assertTrue(time.runPending() > 0, "the score handed the checks to the background");
        return scored;
    }

    @Test
    void shadowScoresAreStoredApartNeverReturnedAndNotDuplicatedByRepeats() {
        scoreNew();
        time.runPending();
        String challenger = register(TestModel.challengerDirectory());
        TestResponse started = shadowRequest("PUT", challenger, DATA_SCIENTIST);
        assertEquals(200, started.status(), started.body().toString());
        OpenApi.assertValid("ModelDetail", started.body());
        assertEquals("SHADOW", started.body().get("status").asText());

        assertEquals(0, nextCheck(), "scoring functions learn of a shadow model at their next check");
        int before = stack.shadowItems().size();
        List<TestResponse> responses = List.of(scoreNew(), scoreNew(), scoreNew());
        assertEquals(before + 3, stack.shadowItems().size(), "one shadow score per new application");
        for (TestResponse r : responses) {
            assertFalse(r.body().toString().contains(challenger), "no shadow score in a score response");
        }

        // A repeat of identical content stores no second shadow score.
        TestResponse last = responses.get(2);
        int n = next.get();
        TestResponse repeat = post(Applications.variant("NL-2026-SH" + n, n).toString());
        assertEquals(200, repeat.status());
        assertEquals(last.body().get("scoreId").asText(), repeat.body().get("scoreId").asText());
        assertEquals(before + 3, stack.shadowItems().size());

        Map<String, AttributeValue> item = stack.shadowItems().stream()
                .filter(i -> i.get("primaryScoreId").s().equals(last.body().get("scoreId").asText()))
                .findFirst().orElseThrow();
        assertEquals(SHADOW_ITEM_ATTRIBUTES, new TreeSet<>(item.keySet()), "no application content is stored");
        assertEquals(challenger, item.get("modelVersion").s());
        assertEquals(bundled, item.get("primaryModelVersion").s());
        String hash = InputHash.of(new ApplicationParser().parse(Applications.variant("NL-2026-SH" + n, n).toString()));
        assertEquals("NL-2026-SH" + n + "#" + hash.substring(0, 32), item.get("pairKey").s());
        assertEquals(last.body().get("riskBand").asText(), item.get("primaryRiskBand").s());

        // History and queue are unchanged: the primary scores only.
        TestResponse history = TestStack.invoke(new ApplicationScoresHandler(stack.components()),
                Events.get(ApplicationScoresHandler.HISTORY, Map.of("applicationId", "NL-2026-SH" + n)).claims(OFFICER));
        assertEquals(200, history.status());
        OpenApi.assertValid("ScorePage", history.body());
        assertEquals(1, history.body().get("items").size());
        assertFalse(history.body().toString().contains(challenger));
        TestResponse queue = TestStack.invoke(new QueueHandler(stack.components()),
                Events.get(QueueHandler.PATH, Map.of()).query(Map.of("limit", "100")).claims(OFFICER));
        assertEquals(200, queue.status(), queue.body().toString());
        OpenApi.assertValid("QueuePage", queue.body());
        assertFalse(queue.body().toString().contains(challenger));

        TestResponse comparison = TestStack.invoke(shadow, Events.get(ShadowHandler.COMPARISON,
                Map.of("modelVersion", challenger)).claims(DATA_SCIENTIST));
        assertEquals(200, comparison.status());
        OpenApi.assertValid("ShadowComparison", comparison.body());
        assertEquals(before + 3, comparison.body().get("pairs").asInt());

        // Out of shadow: scoring functions stop at their next check; the stored scores stay.
        TestResponse stopped = shadowRequest("DELETE", challenger, DATA_SCIENTIST);
        assertEquals(200, stopped.status());
        OpenApi.assertValid("ModelDetail", stopped.body());
        assertEquals("CANDIDATE", stopped.body().get("status").asText());
        assertEquals(1, nextCheck(), "until their next check, the model scores in shadow");
        int after = stack.shadowItems().size();
        scoreNew();
        scoreNew();
        assertEquals(after, stack.shadowItems().size(), "no shadow scores once out of shadow");
    }

    @Test
    void aCorruptShadowArtifactIsSkippedAndLoggedWhileThePrimaryScoresOn() throws IOException {
        scoreNew();
        time.runPending();
        String tampered = register(TestModel.thirdDirectory());
        Path modelFile = artifacts.resolve(tampered).resolve(ModelArtifact.MODEL_FILE);
        byte[] bytes = Files.readAllBytes(modelFile);
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(modelFile, bytes);
        assertEquals(200, shadowRequest("PUT", tampered, DATA_SCIENTIST).status());

        nextCheck();
        assertTrue(stack.logs().contains("\"shadow_refused\""), "the corrupt artifact is refused");
        scoreNew();
        nextCheck();
        assertEquals(1, stack.logs().split("\"shadow_refused\"", -1).length - 1,
                "a refused artifact is not fetched again until it changes");
        assertTrue(stack.shadowItems().isEmpty(), "a refused model scores nothing");
        assertTrue(stack.logs().contains(tampered));
        assertNoApplicationContentIn(stack.logs());
    }

    @Test
    void aFailingShadowStoreNeverFailsOrChangesThePrimaryScore() {
        String challenger = register(TestModel.challengerDirectory());
        assertEquals(200, shadowRequest("PUT", challenger, DATA_SCIENTIST).status());
        ShadowModels models = new ShadowModels(registry, Optional.of(store), Duration.ofSeconds(60),
                stack.components().logger(), time.background());
        models.check();
        assertEquals(1, models.current().size());
        Clock clock = Clock.systemUTC();
        String table = stack.config().applicationsTable();
        // A table that does not exist: every shadow put fails.
        ShadowScorer failing = new ShadowScorer(models, new DynamoDbShadowScoreRepository(stack.client(), "no-such-table"),
                clock, stack.components().logger());
        ScoringService service = new ScoringService(new ChampionModel(TestModel.scorer(), registry, Optional.of(store),
                Duration.ofSeconds(60), stack.components().logger(), time.background()),
                new DynamoDbScoreRepository(stack.client(), table), new DynamoDbCaseRepository(stack.client(), table),
                clock, failing);
        ScoringResult result = service.score(Applications.variant("NL-2026-SHF1", 4).toString());
        assertTrue(result.created());
        assertEquals(bundled, result.score().score().modelVersion());
        assertTrue(new DynamoDbScoreRepository(stack.client(), table).find("NL-2026-SHF1", result.score().scoreId())
                .isPresent(), "the primary score is stored");
        assertTrue(stack.logs().contains("\"shadow_score_failed\""));
        assertTrue(stack.logs().contains("ResourceNotFoundException"));
        assertNoApplicationContentIn(stack.logs());
    }

    @Test
    void onlyDataScientistsSwitchShadowModeAndOnlyAStoredNonChampionModelMayShadow() {
        scoreNew();
        // The scoring function registered its model; the first promotion would make it champion, as here.
        stack.components().promotionService().initialiseWithDeploymentPackage("ds-ada");
        String challenger = register(TestModel.challengerDirectory());
        for (String method : List.of("PUT", "DELETE")) {
            for (Map<String, String> claims : List.of(OFFICER, Map.<String, String>of())) {
                TestResponse r = shadowRequest(method, challenger, claims);
                assertEquals(403, r.status(), method + " " + claims);
                OpenApi.assertValid("Problem", r.body());
            }
        }
        assertEquals(ModelStatus.CANDIDATE, registry.find(challenger).orElseThrow().status());
        assertEquals(404, shadowRequest("PUT", "unknown-v9", DATA_SCIENTIST).status());
        assertEquals(400, shadowRequest("PUT", "bad version!", DATA_SCIENTIST).status());

        TestResponse champion = shadowRequest("PUT", bundled, DATA_SCIENTIST);
        assertEquals(409, champion.status());
        OpenApi.assertValid("Problem", champion.body());
        assertEquals("Model " + bundled + " is the champion; only another model can score in its shadow.",
                champion.body().get("detail").asText());

        TestResponse notShadowing = shadowRequest("DELETE", challenger, DATA_SCIENTIST);
        assertEquals(409, notShadowing.status());
        assertEquals("Model " + challenger + " is not in shadow mode; its status is CANDIDATE.",
                notShadowing.body().get("detail").asText());

        assertEquals(200, shadowRequest("PUT", challenger, DATA_SCIENTIST).status());
        assertEquals(200, shadowRequest("PUT", challenger, DATA_SCIENTIST).status(), "repeating changes nothing");
        assertEquals(ModelStatus.SHADOW, registry.find(challenger).orElseThrow().status());
        assertEquals(0, registry.find(challenger).orElseThrow().statusRevision(), "the pointer's revision is untouched");
        assertEquals(200, shadowRequest("DELETE", challenger, DATA_SCIENTIST).status());
        assertEquals(ModelStatus.CANDIDATE, registry.find(challenger).orElseThrow().status());
    }

    @Test
    void aModelWithoutAStoredArtifactCannotShadow() {
        scoreNew();
        String challenger = register(TestModel.challengerDirectory());
        stack.components().promotionService().promote(challenger, "ds-ada", FORCED);
        // The bundled model, now retired, was registered by the scoring function without an artifact.
        assertEquals(ModelStatus.RETIRED, registry.find(bundled).orElseThrow().status());
        TestResponse r = shadowRequest("PUT", bundled, DATA_SCIENTIST);
        assertEquals(409, r.status());
        assertTrue(r.body().get("detail").asText().contains("has no stored artifact"), r.body().toString());
    }

    @Test
    void aRetiredModelMayShadowAndPromotingAShadowModelMakesItChampion() {
        scoreNew();
        String challenger = register(TestModel.challengerDirectory());
        stack.components().promotionService().promote(challenger, "ds-ada", FORCED);
        stack.components().promotionService().promote(bundled, "ds-ada", FORCED);
        assertEquals(ModelStatus.RETIRED, registry.find(challenger).orElseThrow().status());

        TestResponse r = shadowRequest("PUT", challenger, DATA_SCIENTIST);
        assertEquals(200, r.status());
        assertEquals("SHADOW", r.body().get("status").asText());
        long revision = registry.find(challenger).orElseThrow().statusRevision();

        stack.components().promotionService().promote(challenger, "ds-ada", FORCED);
        assertEquals(ModelStatus.CHAMPION, registry.find(challenger).orElseThrow().status());
        assertEquals(revision + 1, registry.find(challenger).orElseThrow().statusRevision());
        assertEquals(ModelStatus.RETIRED, registry.find(bundled).orElseThrow().status());
        TestResponse asChampion = shadowRequest("DELETE", challenger, DATA_SCIENTIST);
        assertEquals(409, asChampion.status(), "a champion is not in shadow mode");
    }

    private static void assertNoApplicationContentIn(String logs) {
        for (JsonNode sample : List.of(Applications.surveillance(), Applications.crypto())) {
            assertFalse(logs.contains(sample.get("exporter").get("name").asText()));
            assertFalse(logs.contains(sample.get("endUser").get("name").asText()));
        }
    }
}
