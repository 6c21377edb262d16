package org.licencerisk.functions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.decisions.DecisionsHandler;
import org.licencerisk.functions.models.PromotionHandler;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.testing.DecidedApplications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestResponse;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Issue 4 point 9 on the local stack (dynalite, a local artifact directory, the handlers as Lambda invokes them):
 * decisions recorded through the API, exported, a model trained on the export, registered and promoted through the
 * API; the next scores carry it without a restart; a worse model's promotion is refused; a tampered artifact is
 * refused and the champion keeps serving.
 */
class RetrainingLoopEndToEndTest {

    /** Decisions recorded through the API: refusals over-sampled so that a small set trains and tests a model. */
    private static final int REFUSALS = 35;
    private static final int OTHERS = 75;
    private static final Map<String, String> DATA_SCIENTIST = Map.of("sub", "ds-ada", "cognito:groups", "[data-scientist]");

    @TempDir
    Path dir;

    private int posted;

    @Test
    void decisionsExportTrainRegisterPromoteServeAndRefuse() throws IOException, InterruptedException {
        TestStack base = TestStack.withEnvironment(Map.of(ApiConfig.ARTIFACT_DIR, dir.resolve("artifacts").toString(),
                ApiConfig.CHAMPION_CHECK_SECONDS, "1", ApiConfig.PROMOTION_TOLERANCE, "0"));
        Components components = base.components();
        ScoresHandler scores = new ScoresHandler(components);
        DecisionsHandler decisions = new DecisionsHandler(components);
        PromotionHandler promotions = new PromotionHandler(components);
        String bundled = TestModel.scorer().manifest().modelVersion();

        // 1. Licensing systems post applications; officers decide them (outcomes from the synthetic policy, in time
        //    order, refusals over-sampled).
        java.util.Set<String> endUsers = new java.util.HashSet<>();
        for (HistoricalApplication h : DecidedApplications.select(REFUSALS, OTHERS)) {
            String id = h.application().applicationId();
            endUsers.add(h.application().endUser().name());
            assertEquals(bundled, post(scores, Json.mapper().writeValueAsString(h.application())));
            String criteria = h.outcome() == Outcome.REFUSED ? "[\"2\"]" : "[]";
            TestResponse decided = TestStack.invoke(decisions, Events.request("PUT", DecisionsHandler.PATH,
                    Map.of("applicationId", id)).jsonBody("{\"outcome\":\"" + h.outcome() + "\",\"criteria\":" + criteria
                    + ",\"rationale\":\"Assessed.\",\"officerId\":\"officer-1\"}"));
            assertEquals(201, decided.status(), decided.body().toString());
        }

        // 2. Export, pseudonymised; 3. train a challenger on it with the model module.
        Path key = Files.writeString(dir.resolve("export.key"), Base64.getEncoder().encodeToString(new byte[32]));
        Path export = dir.resolve("decisions.jsonl");
        JsonNode summary = tool(components, "export", "--out", export.toString(), "--key-file", key.toString());
        assertEquals(REFUSALS + OTHERS, summary.get("exported").asLong(), summary.toString());
        Path retrainedDir = dir.resolve("retrained");
        new RiskModelTrainer(TrainingOptions.defaults(TrainerKind.LOGISTIC).withSeed(3L), ProgressListener.NONE)
                .train(new JsonLinesDecisionLoader().load(export, FeatureDefinition.standard(), ReferenceData.shipped()),
                        null, export.getFileName().toString())
                .artifact().writeTo(retrainedDir);
        ModelArtifact retrained = ModelArtifact.load(retrainedDir);
        String challenger = retrained.manifest().modelVersion();

        // 4. Register it as a candidate (artifact stored, digests recorded).
        assertTrue(tool(components, "register", "--artifact", retrainedDir.toString(), "--actor", "ds-grace")
                .get("registered").asBoolean());

        // 5. Promote through the API: the gate compares average precision with the bundled champion's.
        double challengerAp = retrained.manifest().metrics().averagePrecision();
        double championAp = TestModel.scorer().manifest().metrics().averagePrecision();
        TestResponse promoted = promote(promotions, challenger, "{}");
        boolean refusedAsWorse = challengerAp < championAp;
        if (refusedAsWorse) {
            assertEquals(409, promoted.status(), "a worse model's promotion is refused");
            assertEquals(challengerAp, promoted.body().get("comparison").get("challengerAveragePrecision").asDouble(), 1e-12);
            promoted = promote(promotions, challenger, "{\"force\":true,\"reason\":\"Trained on our own decisions.\"}");
        }
        assertEquals(200, promoted.status(), promoted.body().toString());

        // 6. The next scores carry the new version, without a restart.
        scoreUntil(scores, challenger);

        // The gate in the other direction: the bundled model is now worse than the champion, or the challenger was.
        if (!refusedAsWorse) {
            TestResponse back = promote(promotions, bundled, "{}");
            assertEquals(409, back.status(), "a worse model's promotion is refused");
            assertEquals(championAp, back.body().get("comparison").get("challengerAveragePrecision").asDouble(), 1e-12);
        }

        // 7. A tampered artifact is refused and the champion keeps serving.
        Path thirdDir = TestModel.thirdDirectory();
        String third = ModelArtifact.load(thirdDir).manifest().modelVersion();
        tool(components, "register", "--artifact", thirdDir.toString(), "--actor", "ds-grace");
        Path modelFile = dir.resolve("artifacts").resolve(third).resolve(ModelArtifact.MODEL_FILE);
        byte[] bytes = Files.readAllBytes(modelFile);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(modelFile, bytes);
        assertEquals(200, promote(promotions, third, "{\"force\":true,\"reason\":\"Tamper test.\"}").status());
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!base.logs().contains("\"champion_refused\"") && System.nanoTime() < deadline) {
            assertEquals(challenger, post(scores, null));
            Thread.sleep(100);
        }
        assertTrue(base.logs().contains("\"champion_refused\""));
        assertEquals(challenger, post(scores, null), "the old champion keeps serving");
        String logs = base.logs();
        assertTrue(endUsers.stream().noneMatch(logs::contains), "no end-user names in the logs");
        assertTrue(endUsers.stream().noneMatch(Files.readString(export)::contains), "nor in the export");
    }

    /** Posts {@code body}, or a fresh application when {@code null}; returns the model version of the score. */
    private String post(ScoresHandler scores, String body) {
        String json = body != null ? body : org.licencerisk.functions.testing.Applications.variant("NL-E2E-" + posted, posted).toString();
        posted++;
        TestResponse r = TestStack.invoke(scores, Events.request("POST", ScoresHandler.PATH, Map.of()).jsonBody(json));
        assertTrue(r.status() == 201 || r.status() == 200, r.body().toString());
        return r.body().get("modelVersion").asText();
    }

    private void scoreUntil(ScoresHandler scores, String version) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (post(scores, null).equals(version)) {
                return;
            }
            Thread.sleep(100);
        }
        fail("No score carried " + version + " within 10 s.");
    }

    private static TestResponse promote(PromotionHandler handler, String version, String body) {
        return TestStack.invoke(handler, Events.request("POST", PromotionHandler.PROMOTE, Map.of("modelVersion", version))
                .claims(DATA_SCIENTIST).jsonBody(body));
    }

    private static JsonNode tool(Components components, String... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new RegistryTool(components, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        return Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    }
}
