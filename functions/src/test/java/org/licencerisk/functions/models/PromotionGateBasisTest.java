package org.licencerisk.functions.models;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.artifacts.LocalArtifactStore;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.artifact.ModelManifest;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The promotion gate compares on the same held-out period when the challenger was retrained against the current
 * champion, and on each model's manifest otherwise; {@code basis} says which.
 */
class PromotionGateBasisTest {

    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");

    @TempDir
    Path artifacts;

    private DynamoDbModelRegistry registry;
    private PromotionService promotions;
    private LocalArtifactStore store;
    private String champion;

    @BeforeEach
    void setUp() {
        TestStack stack = TestStack.create();
        registry = new DynamoDbModelRegistry(stack.client(), stack.config().modelsTable());
        promotions = new PromotionService(registry, Clock.systemUTC(), 0.01);
        store = new LocalArtifactStore(artifacts);
        champion = manifest(TestModel.directory()).modelVersion();
        registry.register(manifest(TestModel.directory()), store.put(TestModel.directory()), "ds-grace", AT);
        promotions.initialise(champion, "ds-grace");
    }

    @Test
    void aSamePeriodComparisonAgainstTheChampionDecides() {
        ModelManifest challenger = manifest(TestModel.challengerDirectory());
        // On the same period the challenger is clearly worse, whatever the manifests say.
        registry.register(challenger, store.put(TestModel.challengerDirectory()), "retraining", AT,
                comparison(champion, 0.30, 0.50));

        PromotionRefusedException refused = assertThrows(PromotionRefusedException.class,
                () -> promotions.promote(challenger.modelVersion(), "ds-ada", PromotionRequest.parse("{}")));

        assertEquals(MetricComparison.SAME_PERIOD_BASIS, refused.comparison().basis());
        assertEquals(0.30, refused.comparison().challengerAveragePrecision());
        assertEquals(0.50, refused.comparison().championAveragePrecision());
        assertEquals(ModelStatus.CANDIDATE, registry.find(challenger.modelVersion()).orElseThrow().status());
    }

    @Test
    void aComparisonAgainstAnotherChampionFallsBackToTheManifests() {
        ModelManifest challenger = manifest(TestModel.challengerDirectory());
        registry.register(challenger, store.put(TestModel.challengerDirectory()), "retraining", AT,
                comparison("logistic-an-earlier-champion", 0.99, 0.10));

        PromotionRecord record = promotions.promote(challenger.modelVersion(), "ds-ada",
                PromotionRequest.parse("{\"force\":true,\"reason\":\"Basis test.\"}"));

        assertEquals(MetricComparison.MANIFEST_BASIS, record.comparison().basis());
        assertEquals(challenger.metrics().averagePrecision(), record.comparison().challengerAveragePrecision());
        assertEquals(manifest(TestModel.directory()).metrics().averagePrecision(),
                record.comparison().championAveragePrecision());
    }

    @Test
    void aComparisonWithoutChampionMetricsFallsBackToTheManifests() {
        ModelManifest challenger = manifest(TestModel.challengerDirectory());
        registry.register(challenger, store.put(TestModel.challengerDirectory()), "retraining", AT,
                new HeldOutComparison(champion, AT, AT, 30, 8, new HeldOutComparison.PeriodMetrics(0.99, 0.9, 0.5, 0.1),
                        null, "The champion's stored artifact failed verification, so it was not scored on this period."));

        PromotionRecord record = promotions.promote(challenger.modelVersion(), "ds-ada",
                PromotionRequest.parse("{\"force\":true,\"reason\":\"Basis test.\"}"));

        assertEquals(MetricComparison.MANIFEST_BASIS, record.comparison().basis());
    }

    private static HeldOutComparison comparison(String championVersion, double challengerAp, double championAp) {
        return new HeldOutComparison(championVersion, AT, AT.plusSeconds(3600), 30, 8,
                new HeldOutComparison.PeriodMetrics(challengerAp, 0.8, 0.5, 0.1),
                new HeldOutComparison.PeriodMetrics(championAp, 0.8, 0.5, 0.1), null);
    }

    private static ModelManifest manifest(Path dir) {
        return ModelArtifact.load(dir).manifest();
    }
}
