package org.licencerisk.functions.export;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.artifacts.S3Objects;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.jobs.DynamoDbJobStore;
import org.licencerisk.functions.jobs.JobCheckpoint;
import org.licencerisk.functions.jobs.JobKind;
import org.licencerisk.functions.jobs.JobStatus;
import org.licencerisk.functions.jobs.JobStore;
import org.licencerisk.functions.privacy.PseudonymisationKeySource;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.DecidedApplications;
import org.licencerisk.functions.testing.S3rver;
import org.licencerisk.functions.testing.SecretsManagerStub;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.functions.testing.TimedContext;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.io.AtomicFiles;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.privacy.Pseudonymiser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ExportFunction as Lambda invokes it, against dynalite, s3rver and a Secrets Manager stub on 127.0.0.1: parts
 * with the command line's rows and pseudonyms, resumption after running short of time or a crash, each decided
 * application exactly once, and no key anywhere in what it logs or returns.
 */
class ExportHandlerTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:licence-risk-key-AbCdEf";
    private static final int REFUSALS = 4;
    private static final int OTHERS = 19;
    private static final int DECIDED = REFUSALS + OTHERS;
    private static final int PAGE = 5;

    @TempDir
    Path dir;

    private final byte[] key = new byte[32];
    private String keyText;
    private SecretsManagerStub secrets;
    private TestStack stack;
    private S3Objects s3;

    @BeforeEach
    void setUp() {
        new Random(11).nextBytes(key);
        keyText = Base64.getEncoder().encodeToString(key);
        secrets = SecretsManagerStub.holding(ARN, keyText);
        stack = TestStack.withEnvironment(Map.of(ApiConfig.S3_ENDPOINT, S3rver.shared().endpoint().toString(),
                ApiConfig.EXPORT_BUCKET, S3rver.BUCKET, ApiConfig.PSEUDONYMISATION_SECRET_ARN, ARN,
                ApiConfig.SECRETS_MANAGER_ENDPOINT, secrets.endpoint().toString()));
        s3 = S3Objects.create(stack.config());
    }

    @AfterEach
    void tearDown() {
        secrets.close();
    }

    /** Decided applications (and two undecided ones, which no export holds); returns the decided ids. */
    private Set<String> record() {
        Components components = stack.components();
        DecidedApplications.record(components, REFUSALS, OTHERS);
        components.scoringService().score(Applications.variant("NL-OPEN-1", 1).toString());
        components.scoringService().score(Applications.variant("NL-OPEN-2", 2).toString());
        return DecidedApplications.select(REFUSALS, OTHERS).stream().map(h -> h.application().applicationId())
                .collect(Collectors.toSet());
    }

    private Map<String, Object> invoke(Map<String, Object> payload, Context context) {
        return new ExportHandler(stack.components()).handleRequest(payload, context);
    }

    private byte[] object(String key) {
        return s3.get(S3rver.BUCKET, key).orElseThrow(() -> new AssertionError("no object " + key));
    }

    private JsonNode manifest(String exportId) throws IOException {
        return Json.mapper().readTree(object(ExportJobService.prefix(exportId) + ExportJobService.MANIFEST));
    }

    /** The application ids of every row of every part the manifest lists, in order, duplicates kept. */
    private List<String> rowIds(JsonNode manifest) throws IOException {
        List<String> ids = new ArrayList<>();
        for (JsonNode part : manifest.get("parts")) {
            for (String line : new String(object(part.get("key").asText()), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    ids.add(Json.mapper().readTree(line).get("applicationId").asText());
                }
            }
        }
        return ids;
    }

    private byte[] concatenatedParts(JsonNode manifest) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        manifest.get("parts").forEach(p -> all.writeBytes(object(p.get("key").asText())));
        return all.toByteArray();
    }

    @Test
    void theFunctionWritesTheCommandLinesRowsWithTheSamePseudonymsInPartsWithAManifest() throws IOException {
        Set<String> decided = record();

        Map<String, Object> result = invoke(Map.of("pageSize", PAGE), TimedContext.plenty());

        assertEquals("COMPLETE", result.get("status"), result.toString());
        String exportId = (String) result.get("exportId");
        assertTrue(ExportRequest.EXPORT_ID.matcher(exportId).matches(), exportId);
        assertEquals(5L, ((Number) result.get("parts")).longValue(), "23 decided applications in parts of 5");
        assertEquals((long) DECIDED, ((Number) result.get("decided")).longValue());
        assertEquals((long) DECIDED, ((Number) result.get("exported")).longValue());
        assertEquals("s3://" + S3rver.BUCKET + "/exports/" + exportId + "/", result.get("location"));

        JsonNode manifest = manifest(exportId);
        assertEquals(ExportManifest.FORMAT, manifest.get("format").asText());
        assertEquals(new Pseudonymiser(key).keyId(), manifest.get("keyId").asText());
        assertEquals(DECIDED, manifest.get("exported").asLong());
        for (int i = 0; i < 5; i++) {
            JsonNode part = manifest.get("parts").get(i);
            assertEquals("exports/" + exportId + "/part-0000" + (i + 1) + ".jsonl", part.get("key").asText());
            assertEquals(i < 4 ? PAGE : 3, part.get("rows").asLong());
            assertEquals(AtomicFiles.sha256(object(part.get("key").asText())), part.get("sha256").asText());
        }
        assertEquals(decided, new HashSet<>(rowIds(manifest)));

        // The command line's export with the same key, from a key file: byte for byte the parts, concatenated.
        Path keyFile = Files.writeString(dir.resolve("export.key"), keyText);
        Path cli = dir.resolve("decisions.jsonl");
        new DecisionExporter(stack.client(), stack.config().applicationsTable())
                .export(cli, PseudonymisationKeySource.file(keyFile).pseudonymiser(), s -> { });
        assertArrayEquals(Files.readAllBytes(cli), concatenatedParts(manifest));

        String logs = stack.logs();
        assertEquals(5, logs.lines().filter(l -> l.contains("\"event\":\"export_part\"")).count(), logs);
        assertEquals(1, logs.lines().filter(l -> l.contains("\"event\":\"export_complete\"")).count(), logs);
        assertNoKey(logs + result + Json.mapper().writeValueAsString(manifest));
        for (HistoricalApplication h : DecidedApplications.select(REFUSALS, OTHERS)) {
            String partsText = new String(concatenatedParts(manifest), StandardCharsets.UTF_8);
            assertFalse(partsText.contains("\"" + h.application().endUser().name() + "\""), "no end-user name");
            assertFalse(logs.contains(h.application().endUser().name()), "no end-user name in the logs");
        }
    }

    @Test
    void anExportRunningShortOfTimeStopsAfterAPartAndResumesWithEachApplicationOnce() throws IOException {
        Set<String> decided = record();

        Map<String, Object> first = invoke(Map.of("pageSize", PAGE), TimedContext.remaining(900_000, 1_000));

        assertEquals("RUNNING", first.get("status"), first.toString());
        assertEquals(1L, ((Number) first.get("parts")).longValue());
        assertEquals((long) PAGE, ((Number) first.get("decided")).longValue());
        String exportId = (String) first.get("exportId");
        assertTrue(s3.get(S3rver.BUCKET, ExportJobService.prefix(exportId) + ExportJobService.MANIFEST).isEmpty(),
                "no manifest before the end");
        assertTrue(stack.logs().contains("\"event\":\"export_paused\""));

        Map<String, Object> second = invoke(Map.of("exportId", exportId), TimedContext.plenty());

        assertEquals("COMPLETE", second.get("status"), second.toString());
        assertEquals(exportId, second.get("exportId"));
        List<String> ids = rowIds(manifest(exportId));
        assertEquals(DECIDED, ids.size(), "no application twice");
        assertEquals(decided, new HashSet<>(ids), "every decided application");
        assertEquals(1, secrets.received().size(), "the key was read once for both invocations");
        assertNoKey(stack.logs() + first + second);
    }

    @Test
    void aCrashBetweenStoringAPartAndItsCheckpointStoresTheSamePartAgainOnResume() throws IOException {
        Set<String> decided = record();
        JobStore real = new DynamoDbJobStore(stack.client(), stack.config().modelsTable());
        JobStore crashingAtPartTwo = new JobStore() {
            @Override
            public Optional<JobCheckpoint> find(JobKind kind, String jobId) {
                return real.find(kind, jobId);
            }

            @Override
            public boolean start(JobCheckpoint first) {
                return real.start(first);
            }

            @Override
            public boolean save(JobCheckpoint next) {
                if (next.sequence() == 2) {
                    throw new IllegalStateException("Simulated crash after part 2 was stored.");
                }
                return real.save(next);
            }

            @Override
            public List<JobCheckpoint> list(JobKind kind) {
                return real.list(kind);
            }
        };
        Pseudonymiser pseudonymiser = stack.components().pseudonymisationKeys().pseudonymiser();
        ExportJobService crashing = new ExportJobService(new DecisionExporter(stack.client(),
                stack.config().applicationsTable()), crashingAtPartTwo, s3, S3rver.BUCKET, Clock.systemUTC());
        IllegalStateException crash = assertThrows(IllegalStateException.class, () -> crashing.run(
                new ExportRequest(null, PAGE), pseudonymiser, () -> 900_000, p -> { }));
        assertEquals("Simulated crash after part 2 was stored.", crash.getMessage());
        JobCheckpoint stopped = real.list(JobKind.EXPORT).get(0);
        assertEquals(1, stopped.count("parts"), "the checkpoint of part 2 was never saved");
        String partTwo = ExportJobService.prefix(stopped.jobId()) + "part-00002.jsonl";
        byte[] before = object(partTwo);

        Map<String, Object> resumed = invoke(Map.of("exportId", stopped.jobId()), TimedContext.plenty());

        assertEquals("COMPLETE", resumed.get("status"), resumed.toString());
        JsonNode manifest = manifest(stopped.jobId());
        assertEquals(5, manifest.get("parts").size());
        assertArrayEquals(before, object(partTwo), "the same part, stored again under the same name");
        List<String> ids = rowIds(manifest);
        assertEquals(DECIDED, ids.size(), "no duplicates");
        assertEquals(decided, new HashSet<>(ids));
    }

    @Test
    void aCompletedExportInvokedAgainChangesNothing() throws IOException {
        record();
        String exportId = (String) invoke(Map.of("pageSize", PAGE), TimedContext.plenty()).get("exportId");
        JobCheckpoint done = stack.components().jobStore().find(JobKind.EXPORT, exportId).orElseThrow();
        byte[] manifest = object(ExportJobService.prefix(exportId) + ExportJobService.MANIFEST);
        // A decision recorded after the export completed belongs to the next export, not this one.
        stack.components().decisionService().decide("NL-OPEN-1", Json.mapper().writeValueAsString(Map.of(
                "outcome", "APPROVED", "criteria", List.of(), "rationale", "Assessed.")),
                "officer-1");

        Map<String, Object> again = invoke(Map.of("exportId", exportId), TimedContext.plenty());

        assertEquals("COMPLETE", again.get("status"));
        assertEquals((long) DECIDED, ((Number) again.get("decided")).longValue());
        assertEquals(done, stack.components().jobStore().find(JobKind.EXPORT, exportId).orElseThrow());
        assertArrayEquals(manifest, object(ExportJobService.prefix(exportId) + ExportJobService.MANIFEST));
    }

    @Test
    void anEmptyTableGivesACompleteExportWithNoParts() throws IOException {
        Map<String, Object> result = invoke(Map.of(), TimedContext.plenty());
        assertEquals("COMPLETE", result.get("status"));
        assertEquals(0L, ((Number) result.get("parts")).longValue());
        JsonNode manifest = manifest((String) result.get("exportId"));
        assertEquals(0, manifest.get("parts").size());
        assertEquals(ExportRequest.DEFAULT_PAGE_SIZE, manifest.get("pageSize").asInt());
    }

    @Test
    void badPayloadsAreRefusedWithOneSentenceAndStartNothing() {
        List<Map<String, Object>> bad = List.of(Map.of("exportId", "../../models"), Map.of("exportId", 7),
                Map.of("pageSize", 0), Map.of("pageSize", 50_001), Map.of("pageSize", "big"),
                Map.of("pageSize", 2.5), Map.of("since", "2026-01-01"),
                Map.of("exportId", "20261129T130000Z-00000000"));
        for (Map<String, Object> payload : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> invoke(payload, TimedContext.plenty()), payload.toString());
            assertTrue(e.getMessage().endsWith("."), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        assertTrue(stack.components().jobStore().list(JobKind.EXPORT).isEmpty());
    }

    @Test
    void resumingWithAnotherKeyOrAnotherPageSizeIsRefused() {
        record();
        String exportId = (String) invoke(Map.of("pageSize", PAGE), TimedContext.remaining(900_000, 1_000))
                .get("exportId");
        byte[] other = new byte[32];
        new Random(12).nextBytes(other);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> stack.components().exportService()
                .run(new ExportRequest(exportId, null), new Pseudonymiser(other), () -> 900_000, p -> { }));
        assertTrue(e.getMessage().contains("another pseudonymisation key"), e.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> invoke(Map.of("exportId", exportId, "pageSize", 7), TimedContext.plenty()));
        assertTrue(size.getMessage().contains("parts of 5"), size.getMessage());
        assertEquals(JobStatus.RUNNING, stack.components().jobStore().find(JobKind.EXPORT, exportId).orElseThrow()
                .status());
    }

    private void assertNoKey(String text) {
        assertFalse(text.contains(keyText), "the key's base64 text");
        assertFalse(text.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(key)), "the key, base64url");
        assertFalse(text.toLowerCase(java.util.Locale.ROOT).contains(HexFormat.of().formatHex(key)), "the key, hex");
    }
}
