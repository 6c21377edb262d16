package org.licencerisk.functions.retraining;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.models.ModelStatus;
import org.licencerisk.functions.models.RegisteredModel;
import org.licencerisk.functions.artifacts.S3Objects;
import org.licencerisk.functions.export.ExportHandler;
import org.licencerisk.functions.export.ExportJobService;
import org.licencerisk.functions.testing.DecidedApplications;
import org.licencerisk.functions.testing.S3rver;
import org.licencerisk.functions.testing.TimedContext;
import org.licencerisk.functions.testing.TestStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The RetrainFunction as Lambda invokes it: from the weekly schedule and on demand, against dynalite. */
class RetrainHandlerTest {

    /** An EventBridge scheduled event, as the schedule delivers it. */
    private static final Map<String, Object> SCHEDULED = Map.of("version", "0", "id", "89d1a02d-5ec7-412e-82f5-13505f849b41",
            "detail-type", "Scheduled Event", "source", "aws.events", "account", "123456789012",
            "time", "2026-11-29T06:00:00Z", "region", "eu-west-1",
            "resources", java.util.List.of("arn:aws:events:eu-west-1:123456789012:rule/weekly"), "detail", Map.of());

    @TempDir
    Path dir;

    private Components components(String seed) {
        Path key = dir.resolve("export.key");
        try {
            Files.writeString(key, Base64.getEncoder().encodeToString(new byte[32]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return TestStack.withEnvironment(Map.of(ApiConfig.ARTIFACT_DIR, dir.resolve("artifacts").toString(),
                ApiConfig.PSEUDONYMISATION_KEY_FILE, key.toString(), ApiConfig.RETRAIN_SEED, seed)).components();
    }

    @Test
    void theWeeklyScheduleRegistersACandidateWithTheConfiguredSeed() {
        Components components = components("9");
        DecidedApplications.record(components, 40, 80);

        Map<String, Object> summary = new RetrainHandler(components).handleRequest(SCHEDULED, null);

        assertEquals("registered", summary.get("status"), summary.toString());
        RegisteredModel model = components.registry().find((String) summary.get("modelVersion")).orElseThrow();
        assertEquals(ModelStatus.CANDIDATE, model.status());
        assertEquals(RetrainHandler.SCHEDULE_ACTOR, model.registeredBy());
        assertEquals(9L, model.manifest().seed());
        assertEquals("logistic", model.manifest().trainer());
        assertTrue(((Map<?, ?>) summary.get("comparison")).containsKey("championVersion"), summary.toString());
    }

    @Test
    void onDemandOverridesTheSplitDateSeedAndActor() {
        Components components = components("9");
        DecidedApplications.record(components, 40, 80);
        // Decisions are recorded now: a split date in the past leaves no training part.
        Map<String, Object> summary = new RetrainHandler(components).handleRequest(Map.of("splitDate", "2020-01-01",
                "seed", 4, "actor", "ds-ada"), null);
        assertEquals("insufficient-data", summary.get("status"));
        assertFalse(String.valueOf(summary.get("message")).isBlank());

        summary = new RetrainHandler(components).handleRequest(Map.of("seed", 4, "actor", "ds-ada"), null);
        RegisteredModel model = components.registry().find((String) summary.get("modelVersion")).orElseThrow();
        assertEquals("ds-ada", model.registeredBy());
        assertEquals(4L, model.manifest().seed());
        assertTrue(model.registeredAt().isBefore(Instant.now().plusSeconds(1)));
    }

    @Test
    void tooLittleDataIsASummaryNotAFailureAndRegistersNothing() {
        Components components = components("9");
        DecidedApplications.record(components, 3, 30);

        Map<String, Object> summary = new RetrainHandler(components).handleRequest(SCHEDULED, null);

        assertEquals("insufficient-data", summary.get("status"));
        assertEquals(1, components.registry().list().size(), "only the scoring function's model");
    }

    @Test
    void aMalformedOnDemandPayloadIsRefused() {
        RetrainHandler handler = new RetrainHandler(components("9"));
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of("splitDate", "last week"), null));
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of("trainer", "forest"), null));
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of("seed", "x"), null));
        assertThrows(IllegalArgumentException.class, () -> handler.handleRequest(Map.of("since", "2026-01-01"), null));
    }

    @Test
    void onDemandTrainsOnACompletedS3ExportAsOnItsOwnExportAndRefusesAnIncompleteOrAlteredOne() {
        Path key = dir.resolve("export.key");
        try {
            Files.writeString(key, Base64.getEncoder().encodeToString(new byte[32]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Components components = TestStack.withEnvironment(Map.of(
                ApiConfig.ARTIFACT_DIR, dir.resolve("artifacts").toString(),
                ApiConfig.PSEUDONYMISATION_KEY_FILE, key.toString(), ApiConfig.RETRAIN_SEED, "9",
                ApiConfig.S3_ENDPOINT, S3rver.shared().endpoint().toString(),
                ApiConfig.EXPORT_BUCKET, S3rver.BUCKET)).components();
        DecidedApplications.record(components, 40, 80);
        ExportHandler export = new ExportHandler(components);
        String exportId = (String) export.handleRequest(Map.of("pageSize", 50), TimedContext.plenty()).get("exportId");

        Map<String, Object> fromS3 = new RetrainHandler(components).handleRequest(Map.of("exportId", exportId,
                "seed", 4), null);
        Map<String, Object> inProcess = new RetrainHandler(components).handleRequest(Map.of("seed", 4), null);

        assertEquals("registered", fromS3.get("status"), fromS3.toString());
        assertEquals(120, ((Number) fromS3.get("exported")).intValue());
        assertEquals(((Map<?, ?>) inProcess.get("comparison")).get("challenger"),
                ((Map<?, ?>) fromS3.get("comparison")).get("challenger"), "the same rows train the same challenger");

        String running = (String) export.handleRequest(Map.of("pageSize", 50), TimedContext.remaining(900_000, 1_000))
                .get("exportId");
        IllegalArgumentException incomplete = assertThrows(IllegalArgumentException.class,
                () -> new RetrainHandler(components).handleRequest(Map.of("exportId", running), null));
        assertTrue(incomplete.getMessage().contains("not complete"), incomplete.getMessage());
        S3Objects s3 = S3Objects.create(components.config());
        s3.put(S3rver.BUCKET, ExportJobService.prefix(exportId) + "part-00002.jsonl", new byte[] {'{', '}', '\n'});
        IllegalStateException altered = assertThrows(IllegalStateException.class,
                () -> new RetrainHandler(components).handleRequest(Map.of("exportId", exportId), null));
        assertTrue(altered.getMessage().contains("differs from the SHA-256"), altered.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new RetrainHandler(components).handleRequest(Map.of("exportId", "latest"), null));
    }
}
