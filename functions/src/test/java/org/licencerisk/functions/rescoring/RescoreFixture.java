package org.licencerisk.functions.rescoring;

import org.licencerisk.functions.Components;
import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.jobs.JobStore;
import org.licencerisk.functions.models.ModelRegistry;
import org.licencerisk.functions.models.PromotionRequest;
import org.licencerisk.functions.models.VerifiedModels;
import org.licencerisk.functions.queue.CaseRepository;
import org.licencerisk.functions.queue.QueueEntry;
import org.licencerisk.functions.scores.DynamoDbScoreRepository;
import org.licencerisk.functions.scores.StoredScore;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.artifact.ModelArtifact;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stack with scored applications, a registered challenger and helpers to promote and inspect. */
final class RescoreFixture {

    private static final PromotionRequest FORCED = new PromotionRequest(true, "Test: promote regardless of metrics.");

    final TestStack stack;
    final Components components;
    final ModelRegistry registry;
    final ArtifactStore store;
    final DynamoDbScoreRepository scores;
    final CaseRepository cases;
    final JobStore jobs;
    final List<String> ids = new ArrayList<>();

    RescoreFixture(Path artifacts) {
        stack = TestStack.withEnvironment(Map.of(ApiConfig.ARTIFACT_DIR, artifacts.toString()));
        components = stack.components();
        registry = components.registry();
        store = components.artifactStore().orElseThrow();
        scores = new DynamoDbScoreRepository(stack.client(), stack.config().applicationsTable());
        cases = components.cases();
        jobs = components.jobStore();
    }

    /** Scores {@code count} variants with the bundled model (which becomes the first champion). */
    RescoreFixture scored(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            String id = prefix + "-" + i;
            components.scoringService().score(Applications.variant(id, i).toString());
            ids.add(id);
        }
        return this;
    }

    /** Registers the model in {@code dir} and makes it champion; returns its version. */
    String promote(Path dir) {
        String version = ModelArtifact.load(dir).manifest().modelVersion();
        registry.register(ModelArtifact.load(dir).manifest(), store.put(dir), "ds-grace", Instant.now());
        components.promotionService().promote(version, "ds-ada", FORCED);
        return version;
    }

    /** A service over this stack with a small page, and given cases and jobs (to interpose on them). */
    RescoreService service(int pageSize, CaseRepository cases, JobStore jobs) {
        return new RescoreService(registry, new VerifiedModels(components.scorer(), registry, components.artifactStore()),
                cases, scores, scores::applications, jobs, Clock.systemUTC(), pageSize);
    }

    /**
     * A service whose jobs end with a sweep {@code settle} after the promotion, on {@code clock}, waiting for it on
     * {@code sleeper}.
     */
    RescoreService service(int pageSize, java.time.Duration settle, Clock clock, Sleeper sleeper) {
        return new RescoreService(registry, new VerifiedModels(components.scorer(), registry, components.artifactStore()),
                cases, scores, scores::applications, jobs, clock, pageSize, settle, sleeper);
    }

    RescoreService service(int pageSize) {
        return service(pageSize, cases, jobs);
    }

    /** Every score of an application, newest first. */
    List<StoredScore> history(String id) {
        Page<StoredScore> page = scores.history(id, 100, null);
        assertTrue(page.nextCursor() == null);
        return page.items();
    }

    /** The whole queue, riskiest first. */
    List<QueueEntry> queue() {
        Page<QueueEntry> page = cases.queue(null, 1000, null);
        assertTrue(page.nextCursor() == null);
        return page.items();
    }

    /** Makes a score look like one stored before contents were kept. */
    void forgetContent(String id) {
        StoredScore latest = scores.latest(id).orElseThrow();
        stack.client().updateItem(b -> b.tableName(stack.config().applicationsTable())
                .key(Map.of(TableDefinitions.APPLICATION_ID, AttributeValue.fromS(id),
                        TableDefinitions.SK, AttributeValue.fromS("SCORE#" + latest.scoreId())))
                .updateExpression("REMOVE #a")
                .expressionAttributeNames(Map.of("#a", DynamoDbScoreRepository.APPLICATION)));
    }
}
