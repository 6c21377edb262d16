package org.licencerisk.functions.rescoring;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.jobs.JobKind;
import org.licencerisk.functions.jobs.JobStatus;
import org.licencerisk.functions.local.LambdaEvents;
import org.licencerisk.functions.local.LocalContext;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handler reads DynamoDB stream events as the Lambda runtime deserialises them: the champion pointer or a running
 * re-scoring job starts a run, anything else is ignored, a malformed record is a clear error.
 */
class RescoreFunctionTest {

    @TempDir
    Path artifacts;

    private RescoreFixture f;
    private RescoreFunction handler;

    @BeforeEach
    void setUp() {
        f = new RescoreFixture(artifacts);
        handler = new RescoreFunction(f.components);
    }

    /** A stream record as DynamoDB writes it (NEW_IMAGE view) for an item of the models table. */
    private static ObjectNode record(String eventName, Map<String, String> newImage) {
        ObjectNode record = Json.mapper().createObjectNode();
        record.put("eventID", "1");
        record.put("eventName", eventName);
        record.put("eventVersion", "1.1");
        record.put("eventSource", "aws:dynamodb");
        record.put("awsRegion", "eu-west-1");
        record.put("eventSourceARN", "arn:aws:dynamodb:eu-west-1:123456789012:table/models/stream/2026-11-29T00:00:00.000");
        ObjectNode dynamodb = record.putObject("dynamodb");
        dynamodb.put("ApproximateCreationDateTime", 1_764_403_200L);
        dynamodb.putObject("Keys").putObject("registry").put("S", newImage.get("registry"));
        dynamodb.with("Keys").putObject("modelVersion").put("S", newImage.get("modelVersion"));
        ObjectNode image = dynamodb.putObject("NewImage");
        newImage.forEach((k, v) -> image.putObject(k).put("S", v));
        dynamodb.put("SequenceNumber", "111");
        dynamodb.put("SizeBytes", 26);
        dynamodb.put("StreamViewType", "NEW_IMAGE");
        return record;
    }

    /** A removal carries no new image. */
    private static ObjectNode removal(ObjectNode record) {
        ((ObjectNode) record.get("dynamodb")).remove("NewImage");
        return record;
    }

    @Test
    void aChampionWhoseArtifactFailsVerificationIsRefusedWithoutReScoring() throws IOException {
        f.scored("RF-TAMPER", 2);
        String version = f.promote(TestModel.thirdDirectory());
        Path modelFile = artifacts.resolve(version).resolve(ModelArtifact.MODEL_FILE);
        byte[] bytes = Files.readAllBytes(modelFile);
        bytes[bytes.length / 3] ^= 0x01;
        Files.write(modelFile, bytes);

        Map<String, Object> summary = handler.handleRequest(LambdaEvents.streamEvent("{}"), context(600_000));

        assertEquals("REFUSED", summary.get("status"));
        assertTrue(f.stack.logs().contains("\"event\":\"rescore_refused\""));
        assertEquals(1, f.history("RF-TAMPER-0").size(), "nothing re-scored with an unverified model");
    }

    private static DynamodbEvent event(ObjectNode... records) {
        ObjectNode event = Json.mapper().createObjectNode();
        ArrayNode array = event.putArray("Records");
        for (ObjectNode r : records) {
            array.add(r);
        }
        return LambdaEvents.streamEvent(event.toString());
    }

    private static LocalContext context(long millisLeft) {
        return new LocalContext("req-1", "RescoreFunction", 1024, System.nanoTime() + millisLeft * 1_000_000);
    }

    @Test
    void aChampionPointerRecordRunsTheJobToTheEnd() {
        f.scored("RF-POINTER", 4);
        String challenger = f.promote(TestModel.challengerDirectory());
        DynamodbEvent event = event(record("MODIFY", Map.of("registry", "POINTER", "modelVersion", "CHAMPION")));

        Map<String, Object> summary = handler.handleRequest(event, context(600_000));

        assertEquals("COMPLETE", summary.get("status"));
        assertEquals("000000000002", summary.get("jobId"));
        assertEquals(challenger, summary.get("championVersion"));
        assertEquals(4L, ((Map<?, ?>) summary.get("counts")).get(RescoreService.RESCORED));
        String logs = f.stack.logs();
        assertTrue(logs.contains("\"event\":\"rescore_progress\""), "a structured line per page");
        assertTrue(logs.contains("\"event\":\"rescore_stopped\""));
        assertFalse(logs.contains("Example"), "no application content in logs");
    }

    @Test
    void aRunningJobRecordResumesAndTooLittleTimeLeavesItRunning() {
        f.scored("RF-JOB", 3);
        f.promote(TestModel.challengerDirectory());
        DynamodbEvent running = event(record("MODIFY", Map.of("registry", "JOB#RESCORE", "modelVersion",
                "000000000002", "jobStatus", "RUNNING")));

        Map<String, Object> cut = handler.handleRequest(running, context(RescoreFunction.MARGIN_MILLIS - 1_000));
        assertEquals("OUT_OF_TIME", cut.get("status"));
        assertEquals(JobStatus.RUNNING, f.jobs.find(JobKind.RESCORE, "000000000002").orElseThrow().status());

        assertEquals("COMPLETE", handler.handleRequest(running, context(600_000)).get("status"));
    }

    @Test
    void anEmptyPayloadRunsOnDemand() {
        f.scored("RF-DEMAND", 2);
        f.promote(TestModel.challengerDirectory());
        assertEquals("COMPLETE", handler.handleRequest(LambdaEvents.streamEvent("{}"), context(600_000)).get("status"));
    }

    @Test
    void recordsThatAreNeitherThePointerNorARunningJobAreIgnored() {
        f.scored("RF-IGNORE", 2);
        f.promote(TestModel.challengerDirectory());
        DynamodbEvent others = event(
                record("INSERT", Map.of("registry", "MODEL", "modelVersion", "m-1", "status", "CANDIDATE")),
                record("MODIFY", Map.of("registry", "JOB#RESCORE", "modelVersion", "000000000001",
                        "jobStatus", "COMPLETE")),
                record("MODIFY", Map.of("registry", "JOB#EXPORT", "modelVersion", "e-1", "jobStatus", "RUNNING")),
                record("INSERT", Map.of("registry", "PROMOTION", "modelVersion", "000000000002")),
                removal(record("REMOVE", Map.of("registry", "POINTER", "modelVersion", "CHAMPION"))));

        Map<String, Object> summary = handler.handleRequest(others, context(600_000));

        assertEquals("IGNORED", summary.get("status"));
        assertEquals(5, summary.get("records"));
        assertTrue(f.jobs.list(JobKind.RESCORE).isEmpty(), "no job was started");
    }

    @Test
    void aRecordWithoutItsDynamodbSectionOrKeyIsAClearError() {
        ObjectNode bare = record("MODIFY", Map.of("registry", "POINTER", "modelVersion", "CHAMPION"));
        bare.remove("dynamodb");
        IllegalArgumentException noSection = assertThrows(IllegalArgumentException.class,
                () -> handler.handleRequest(event(bare), context(600_000)));
        assertTrue(noSection.getMessage().contains("no 'dynamodb' section"), noSection.getMessage());

        ObjectNode keyless = record("MODIFY", Map.of("registry", "POINTER", "modelVersion", "CHAMPION"));
        ((ObjectNode) keyless.get("dynamodb")).with("NewImage").remove("registry");
        IllegalArgumentException noKey = assertThrows(IllegalArgumentException.class,
                () -> handler.handleRequest(event(keyless), context(600_000)));
        assertTrue(noKey.getMessage().contains("no 'registry' key"), noKey.getMessage());
        assertTrue(f.jobs.list(JobKind.RESCORE).isEmpty());
    }
}
