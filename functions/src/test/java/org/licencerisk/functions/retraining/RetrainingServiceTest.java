package org.licencerisk.functions.retraining;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.export.DecisionExporter;
import org.licencerisk.functions.models.HeldOutComparison;
import org.licencerisk.functions.models.MetricComparison;
import org.licencerisk.functions.models.ModelStatus;
import org.licencerisk.functions.models.PromotionRecord;
import org.licencerisk.functions.models.PromotionRequest;
import org.licencerisk.functions.models.RegisteredModel;
import org.licencerisk.functions.models.ModelsHandler;
import org.licencerisk.functions.testing.DecidedApplications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.data.JsonLinesDecisionLoader;
import org.licencerisk.model.evaluation.EvaluationMetrics;
import org.licencerisk.model.evaluation.RiskEvaluator;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.privacy.Pseudonymiser;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.training.ProgressListener;
import org.licencerisk.model.training.RiskModelTrainer;
import org.licencerisk.model.training.TrainerKind;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retraining against dynalite and a local artifact directory: decisions recorded through the services, a challenger
 * trained and registered as a candidate with its comparison against the champion on the same held-out period, which
 * the promotion gate then uses; too little data registers nothing.
 */
class RetrainingServiceTest {

    private static final byte[] KEY = new byte[32];

    @TempDir
    Path dir;

    private TestStack stack;
    private Components components;
    private String champion;

    @BeforeEach
    void setUp() {
        stack = TestStack.withEnvironment(Map.of(ApiConfig.ARTIFACT_DIR, dir.resolve("artifacts").toString(),
                ApiConfig.PROMOTION_TOLERANCE, "0"));
        components = stack.components();
        // The champion's artifact is in the store, so retraining can load and score it.
        Path championDir = TestModel.directory();
        champion = ModelArtifact.load(championDir).manifest().modelVersion();
        components.registry().register(ModelArtifact.load(championDir).manifest(),
                components.requireArtifactStore().put(championDir), "ds-grace", java.time.Instant.now());
        components.promotionService().initialise(champion, "ds-grace");
    }

    @Test
    void registersACandidateComparedWithTheChampionOnTheSameHeldOutPeriod() throws IOException {
        DecidedApplications.record(components, 40, 80);

        RetrainingResult result = components.retrainingService().retrain(
                new RetrainingRequest(TrainerKind.LOGISTIC, 3L, null, "ds-ada"), new Pseudonymiser(KEY),
                ProgressListener.NONE);

        RegisteredModel registered = components.registry().find(result.modelVersion()).orElseThrow();
        assertTrue(result.registered());
        assertEquals(ModelStatus.CANDIDATE, registered.status());
        assertEquals("ds-ada", registered.registeredBy());
        assertNotNull(registered.artifact(), "the challenger's artifact is stored");
        HeldOutComparison comparison = registered.comparison();
        assertEquals(result.comparison(), comparison, "the registry holds the comparison the run computed");
        assertEquals(champion, comparison.championVersion());
        assertNull(comparison.championNote());
        // The challenger's numbers are its manifest's test period: the same period.
        EvaluationMetrics own = registered.manifest().metrics();
        assertEquals(own.averagePrecision(), comparison.challenger().averagePrecision(), 1e-12);
        assertEquals(own.count(), comparison.count());
        assertEquals(own.refusals(), comparison.refusals());

        // The champion's numbers are reproduced by scoring the same period of an independent export with it.
        Path export = dir.resolve("check.jsonl");
        new DecisionExporter(components.dynamoDb(), components.config().applicationsTable())
                .export(export, new Pseudonymiser(KEY), s -> { });
        DecisionDataset all = new JsonLinesDecisionLoader()
                .load(export, FeatureDefinition.standard(), ReferenceData.shipped());
        List<DecisionRecord> period = all.from(comparison.periodFrom()).labelled();
        // The held-out period is the newest 20% of the labelled decisions; the challenger learned from the rest.
        assertEquals((int) Math.ceil(all.labelled().size() * 0.2), period.size());
        assertEquals(period.size(), comparison.count());
        assertEquals(all.records().size() - all.from(comparison.periodFrom()).records().size(), result.trainingCount());
        ModelArtifact championArtifact = ModelArtifact.load(TestModel.directory());
        EvaluationMetrics expected = new RiskEvaluator().evaluate(RiskModelTrainer.scores(championArtifact, period),
                RiskModelTrainer.labels(period), championArtifact.manifest().bandThresholds());
        assertEquals(HeldOutComparison.PeriodMetrics.of(expected), comparison.champion());

        // GET /v1/models/{modelVersion} shows it, as documented.
        TestResponse detail = TestStack.invoke(new ModelsHandler(components),
                Events.get(ModelsHandler.ONE, Map.of("modelVersion", result.modelVersion())));
        assertEquals(200, detail.status());
        OpenApi.assertValid("ModelDetail", detail.body());
        assertEquals(champion, detail.body().get("comparison").get("championVersion").asText());
        assertEquals(comparison.champion().averagePrecision(),
                detail.body().get("comparison").get("champion").get("averagePrecision").asDouble());

        // The promotion gate uses the same-period comparison.
        PromotionRecord promoted = components.promotionService().promote(result.modelVersion(), "ds-ada",
                PromotionRequest.parse(Json.mapper().writeValueAsString(Map.of("force", true,
                        "reason", "Gate basis test."))));
        assertEquals(MetricComparison.SAME_PERIOD_BASIS, promoted.comparison().basis());
        assertEquals(comparison.challenger().averagePrecision(), promoted.comparison().challengerAveragePrecision());
        assertEquals(comparison.champion().averagePrecision(), promoted.comparison().championAveragePrecision());
        assertNoTemporaryExport();
    }

    @Test
    void aFirstChampionHeldOnlyInTheDeploymentPackageIsScoredFromItsDirectoryAndOtherwiseNoted() throws IOException {
        for (boolean withModelDir : new boolean[] {true, false}) {
            Map<String, String> env = new java.util.HashMap<>(Map.of(ApiConfig.ARTIFACT_DIR,
                    dir.resolve("artifacts-" + withModelDir).toString()));
            if (withModelDir) {
                env.put(ApiConfig.MODEL_DIR, TestModel.directory().toString());
            }
            Components fresh = TestStack.withEnvironment(env).components();
            // The scoring path registers its bundled model (no stored artifact), which serves while there is no
            // champion pointer; the first promotion will make it the first champion, so retraining compares with it.
            DecidedApplications.record(fresh, 40, 80);
            assertNull(fresh.registry().find(champion).orElseThrow().artifact());
            assertTrue(fresh.registry().champion().isEmpty(), "the scoring path never writes the champion pointer");

            HeldOutComparison comparison = fresh.retrainingService().retrain(
                    new RetrainingRequest(TrainerKind.LOGISTIC, 3L, null, "ds-ada"), new Pseudonymiser(KEY),
                    ProgressListener.NONE).comparison();

            assertEquals(champion, comparison.championVersion());
            if (withModelDir) {
                assertNotNull(comparison.champion(), "scored on the same held-out period from MODEL_DIR");
                assertNull(comparison.championNote());
            } else {
                assertNull(comparison.champion());
                assertTrue(comparison.championNote().contains("held only in a deployment package"),
                        comparison.championNote());
            }
        }
    }

    @Test
    void tooFewRefusalsRegisterNothing() throws IOException {
        DecidedApplications.record(components, 4, 60);
        long storedBefore = storedArtifacts();

        InsufficientDataException e = assertThrows(InsufficientDataException.class, () -> components
                .retrainingService().retrain(new RetrainingRequest(TrainerKind.LOGISTIC, 3L, null, "ds-ada"),
                        new Pseudonymiser(KEY), ProgressListener.NONE));

        assertTrue(e.getMessage().contains("refusals"), e.getMessage());
        assertEquals(List.of(champion), components.registry().list().stream()
                .map(m -> m.manifest().modelVersion()).toList(), "nothing is registered");
        assertEquals(storedBefore, storedArtifacts(), "nothing is stored");
    }

    @Test
    void noDecisionsAtAllIsTooLittleData() {
        assertThrows(InsufficientDataException.class, () -> components.retrainingService().retrain(
                new RetrainingRequest(TrainerKind.LOGISTIC, 3L, null, "ds-ada"), new Pseudonymiser(KEY),
                ProgressListener.NONE));
    }

    private long storedArtifacts() throws IOException {
        try (Stream<Path> s = Files.walk(dir.resolve("artifacts"))) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static void assertNoTemporaryExport() throws IOException {
        try (Stream<Path> s = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith("licence-risk-retrain-")),
                    "the temporary export is deleted");
        }
    }
}
