package org.licencerisk.functions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.local.LocalApiServer;
import org.licencerisk.functions.local.LocalAuth;
import org.licencerisk.functions.local.PointerWatcher;
import org.licencerisk.functions.local.SamTemplate;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.CapturingScheduler;
import org.licencerisk.functions.testing.DecidedApplications;
import org.licencerisk.functions.testing.Dynalite;
import org.licencerisk.functions.testing.LocalTokens;
import org.licencerisk.functions.testing.ManualTime;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.data.JsonLinesDecisionLoader;
import org.licencerisk.model.data.Outcome;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.training.ProgressListener;
import org.licencerisk.model.training.RiskModelTrainer;
import org.licencerisk.model.training.TrainerKind;
import org.licencerisk.model.training.TrainingOptions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The retraining loop end to end on the local stack, over HTTP: the local API server routed from {@code template.yaml} with the
 * gateway's checks on ({@code LOCAL_AUTH=on}: signed requests for scoring, officer and data-scientist tokens), dynalite,
 * a local artifact directory and the pointer watcher that stands in for the models table's stream. Decisions recorded
 * through the API are exported, a challenger is trained on the export, registered, put in shadow and compared with the
 * champion, promoted through the API; the next scores carry it without a restart and the undecided applications are
 * re-scored with it (their history keeping the old scores); a worse model's promotion is refused; a tampered artifact
 * is refused and the champion keeps serving.
 */
class RetrainingLoopEndToEndTest {

    /** Decisions recorded through the API: refusals over-sampled so that a small set trains and tests a model. */
    private static final int REFUSALS = 35;
    private static final int OTHERS = 75;
    private static final int UNDECIDED = 8;
    private static final String ISSUER = "https://idp.test/e2e";
    private static final String AUDIENCE = "licence-risk-api";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private final String officer = "Bearer " + LocalTokens.tokenFor("officer-7", ISSUER, AUDIENCE, LocalTokens.OFFICER);
    private final String scientist = "Bearer " + LocalTokens.tokenFor("ds-ada", ISSUER, AUDIENCE, LocalTokens.DATA_SCIENTIST);
    /** The scoring side's champion and shadow checks run when the test runs them, after it has advanced the clock. */
    private final ManualTime time = new ManualTime();
    private final CapturingScheduler watcherTicks = new CapturingScheduler();
    private LocalApiServer server;
    private PointerWatcher watcher;
    private int posted;

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void decisionsExportTrainShadowPromoteServeRescoreAndRefuse() throws Exception {
        TestStack stack = TestStack.withEnvironment(Map.of(ApiConfig.ARTIFACT_DIR, dir.resolve("artifacts").toString(),
                ApiConfig.CHAMPION_CHECK_SECONDS, "1", ApiConfig.PROMOTION_TOLERANCE, "0",
                ApiConfig.RESCORE_SETTLE_SECONDS, "3"), time);
        Components components = stack.components();
        server = LocalApiServer.start(SamTemplate.read(Dynalite.repositoryRoot().resolve("template.yaml")), components,
                LocalAuth.from("on", ISSUER, AUDIENCE), 0);
        watcher = PointerWatcher.start(components, Duration.ofMillis(500), watcherTicks);
        String bundled = TestModel.scorer().manifest().modelVersion();

        // 1. The licensing system posts applications (signed requests); officers decide most of them (outcomes from
        //    the synthetic policy, in time order, refusals over-sampled); a few stay in the queue.
        Set<String> endUsers = new HashSet<>();
        for (HistoricalApplication h : DecidedApplications.select(REFUSALS, OTHERS)) {
            String id = h.application().applicationId();
            endUsers.add(h.application().endUser().name());
            assertEquals(bundled, score(Json.mapper().writeValueAsString(h.application())));
            String criteria = h.outcome() == Outcome.REFUSED ? "[\"2\"]" : "[]";
            HttpResponse<String> decided = send("PUT", "/v1/applications/" + id + "/decision", "{\"outcome\":\""
                    + h.outcome() + "\",\"criteria\":" + criteria + ",\"rationale\":\"Assessed.\"}",
                    officer);
            assertEquals(201, decided.statusCode(), decided.body());
        }
        List<String> undecided = new ArrayList<>();
        for (int i = 0; i < UNDECIDED; i++) {
            undecided.add(postNew(bundled::equals));
        }

        // 2. Export, pseudonymised; 3. train a challenger on it with the model module.
        Path key = Files.writeString(dir.resolve("export.key"), Base64.getEncoder().encodeToString(new byte[32]));
        Path export = dir.resolve("decisions.jsonl");
        JsonNode summary = tool(components, "export", "--out", export.toString(), "--key-file", key.toString());
        assertEquals(REFUSALS + OTHERS, summary.get("exported").asLong(), summary.toString());
        Path retrainedDir = dir.resolve("retrained");
        new RiskModelTrainer(TrainingOptions.defaults(TrainerKind.LOGISTIC).withSeed(3L).withTune(false), ProgressListener.NONE)
                .train(new JsonLinesDecisionLoader().load(export, FeatureDefinition.standard(), ReferenceData.shipped()),
                        null, export.getFileName().toString())
                .artifact().writeTo(retrainedDir);
        ModelArtifact retrained = ModelArtifact.load(retrainedDir);
        String challenger = retrained.manifest().modelVersion();

        // 4. Register it as a candidate (artifact stored, digests recorded).
        assertTrue(tool(components, "register", "--artifact", retrainedDir.toString(), "--actor", "ds-grace")
                .get("registered").asBoolean());

        // 5. Shadow mode through the API: officers may not; once the scoring side has loaded it, new applications are
        //    scored by both and the comparison per pair of models is served (primary scores stay the champion's).
        assertEquals(403, send("PUT", "/v1/models/" + challenger + "/shadow", null, officer).statusCode());
        HttpResponse<String> shadowed = send("PUT", "/v1/models/" + challenger + "/shadow", null, scientist);
        assertEquals(200, shadowed.statusCode(), shadowed.body());
        assertEquals("SHADOW", json(shadowed).get("status").asText(), shadowed.body());
        nextCheck(bundled);
        undecided.add(postNew(bundled::equals));
        HttpResponse<String> compared = send("GET", "/v1/models/" + challenger + "/comparison", null, scientist);
        assertEquals(200, compared.statusCode(), compared.body());
        JsonNode comparison = json(compared);
        assertTrue(comparison.get("pairs").asInt() > 0, "shadow scores are compared: " + comparison);
        OpenApi.assertValid("ShadowComparison", comparison);
        assertEquals(bundled, comparison.get("baselineVersion").asText());

        // 6. Promote through the API: the gate compares average precision with the bundled champion's.
        double challengerAp = retrained.manifest().metrics().averagePrecision();
        double championAp = TestModel.scorer().manifest().metrics().averagePrecision();
        HttpResponse<String> promoted = promote(challenger, "{}");
        boolean refusedAsWorse = challengerAp < championAp;
        if (refusedAsWorse) {
            assertEquals(409, promoted.statusCode(), "a worse model's promotion is refused");
            assertEquals(challengerAp, json(promoted).get("comparison").get("challengerAveragePrecision").asDouble(), 1e-12);
            promoted = promote(challenger, "{\"force\":true,\"reason\":\"Trained on our own decisions.\"}");
        }
        assertEquals(200, promoted.statusCode(), promoted.body());

        // 7. The next scores carry the new version, without a restart, once the scoring side has checked the pointer.
        nextCheck(bundled);
        postNew(challenger::equals);

        // 8. The undecided applications are re-scored with it (the watcher standing in for the stream, at its next
        //    tick; the job's wait for its closing sweep passes on the test's clock); their history keeps the old score;
        //    decided applications keep theirs.
        watcherTicks.runRepeating();
        assertTrue(queueCarriesOnly(challenger), "every queued application is re-scored by the new champion");
        JsonNode history = json(send("GET", "/v1/applications/" + undecided.get(0) + "/scores", null, officer));
        OpenApi.assertValid("ScorePage", history);
        List<String> versions = new ArrayList<>();
        history.get("items").forEach(s -> versions.add(s.get("modelVersion").asText()));
        assertEquals(List.of(challenger, bundled), versions, "newest first, the old score kept");
        String decidedId = DecidedApplications.select(REFUSALS, OTHERS).get(0).application().applicationId();
        assertEquals(bundled, json(send("GET", "/v1/applications/" + decidedId + "/scores/latest", null, officer))
                .get("modelVersion").asText(), "a decided application is not re-scored");

        // The gate in the other direction: the bundled model is now worse than the champion, or the challenger was.
        if (!refusedAsWorse) {
            HttpResponse<String> back = promote(bundled, "{}");
            assertEquals(409, back.statusCode(), "a worse model's promotion is refused");
            assertEquals(championAp, json(back).get("comparison").get("challengerAveragePrecision").asDouble(), 1e-12);
        }

        // 9. A tampered artifact is refused and the champion keeps serving.
        Path thirdDir = TestModel.thirdDirectory();
        String third = ModelArtifact.load(thirdDir).manifest().modelVersion();
        tool(components, "register", "--artifact", thirdDir.toString(), "--actor", "ds-grace");
        Path modelFile = dir.resolve("artifacts").resolve(third).resolve(ModelArtifact.MODEL_FILE);
        byte[] bytes = Files.readAllBytes(modelFile);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(modelFile, bytes);
        assertEquals(200, promote(third, "{\"force\":true,\"reason\":\"Tamper test.\"}").statusCode());
        nextCheck(challenger);
        assertTrue(stack.logs().contains("\"champion_refused\""));
        postNew(v -> {
            assertEquals(challenger, v, "the old champion keeps serving");
            return true;
        });
        String logs = stack.logs();
        assertTrue(endUsers.stream().noneMatch(logs::contains), "no end-user names in the logs");
        assertTrue(endUsers.stream().noneMatch(Files.readString(export)::contains), "nor in the export");
    }

    /** Posts an application and returns the model version of its score. */
    private String score(String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/v1/scores"))
                .header("Content-Type", "application/json").header("Authorization", LocalTokens.SIGNED)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.body());
        JsonNode score = json(r);
        OpenApi.assertValid("Score", score);
        return score.get("modelVersion").asText();
    }

    /** Posts a fresh application, checks its score's model version and returns its id. */
    private String postNew(Predicate<String> expectedVersion) throws Exception {
        String id = "NL-E2E-" + posted;
        String version = score(Applications.variant(id, posted).toString());
        posted++;
        assertTrue(expectedVersion.test(version), version);
        return id;
    }

    /**
     * A check interval passes: a new application, scored by {@code serving}, hands the scoring side's checks to the
     * background, and they run.
     */
    private void nextCheck(String serving) throws Exception {
        time.advance(Duration.ofMillis(1_100));
        postNew(serving::equals);
        assertTrue(time.runPending() > 0, "the score handed the checks to the background");
    }

    private boolean queueCarriesOnly(String version) throws Exception {
        HttpResponse<String> queue = send("GET", "/v1/queue?limit=100", null, officer);
        assertEquals(200, queue.statusCode(), queue.body());
        JsonNode page = json(queue);
        OpenApi.assertValid("QueuePage", page);
        assertTrue(page.get("items").size() >= UNDECIDED);
        for (JsonNode entry : page.get("items")) {
            if (!entry.get("modelVersion").asText().equals(version)) {
                return false;
            }
        }
        return true;
    }

    private HttpResponse<String> promote(String version, String body) throws Exception {
        return send("POST", "/v1/models/" + version + "/promote", body, scientist);
    }

    private HttpResponse<String> send(String method, String path, String body, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Authorization", bearer);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.mapper().readTree(r.body());
    }

    private static JsonNode tool(Components components, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withJson = java.util.Arrays.copyOf(args, args.length + 1);
        withJson[args.length] = "--json";
        int status = new RegistryTool(components, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(withJson);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
