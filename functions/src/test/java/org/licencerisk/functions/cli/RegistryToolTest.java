package org.licencerisk.functions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.testing.DecidedApplications;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.SecretsManagerStub;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry command line against dynalite and a local artifact directory. */
class RegistryToolTest {

    @TempDir
    Path artifacts;

    private Components components;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        TestStack stack = TestStack.create();
        ApiConfig config = ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, stack.config().applicationsTable(),
                ApiConfig.MODELS_TABLE, stack.config().modelsTable(),
                ApiConfig.DYNAMODB_ENDPOINT, stack.config().dynamoDbEndpoint().toString(),
                ApiConfig.ARTIFACT_DIR, artifacts.toString(), ApiConfig.PROMOTION_TOLERANCE, "0",
                ApiConfig.RESCORE_SETTLE_SECONDS, "0"));
        components = Components.of(config, stack.client(), TestModel.scorer(), Clock.systemUTC(), stack.components().logger());
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new RegistryTool(components, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private JsonNode output() throws IOException {
        return Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void registersStoresPromotesRefusesAWorseModelAndForcesItWithAReason() throws IOException {
        ModelManifest a = ModelArtifact.load(TestModel.directory()).manifest();
        ModelManifest b = ModelArtifact.load(TestModel.challengerDirectory()).manifest();
        ModelManifest better = a.metrics().averagePrecision() > b.metrics().averagePrecision() ? a : b;
        ModelManifest worse = better == a ? b : a;

        assertEquals(0, run("register", "--artifact", TestModel.directory().toString(), "--actor", "ds-grace", "--json"));
        assertTrue(output().get("registered").asBoolean());
        assertTrue(Files.isRegularFile(artifacts.resolve(a.modelVersion()).resolve(ModelArtifact.MODEL_FILE)));
        assertEquals(0, run("register", "--artifact", TestModel.challengerDirectory().toString(), "--actor", "ds-grace"));
        assertEquals(0, run("register", "--artifact", TestModel.directory().toString(), "--actor", "ds-grace", "--json"));
        assertTrue(!output().get("registered").asBoolean(), "a second registration keeps the first");

        assertEquals(0, run("promote", better.modelVersion(), "--actor", "ds-ada"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith(better.modelVersion() + " is now the champion (revision "),
                out.toString(StandardCharsets.UTF_8));
        assertEquals(0, run("promotions", "--json"));
        assertEquals(better.modelVersion(), output().get(0).get("toVersion").asText());
        assertEquals(1, run("promote", worse.modelVersion(), "--actor", "ds-ada", "--json"));
        assertEquals(worse.metrics().averagePrecision(), output().get("challengerAveragePrecision").asDouble(), 1e-12);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("refused"));
        assertEquals(2, run("promote", worse.modelVersion(), "--actor", "ds-ada", "--force"));
        assertEquals(0, run("promote", worse.modelVersion(), "--actor", "ds-ada", "--force", "--reason", "Policy change.", "--json"));
        assertTrue(output().get("forced").asBoolean());

        assertEquals(0, run("list", "--json"));
        assertEquals(worse.modelVersion(), output().get("items").get(0).get("modelVersion").asText());
        assertEquals("CHAMPION", output().get("items").get(0).get("status").asText());
        assertEquals(0, run("promotions", "--json"));
        assertEquals(2, output().size());
    }

    @Test
    void rescoreReScoresTheUndecidedApplicationsWithProgressAndListsItsJobs() throws IOException {
        for (int i = 0; i < 3; i++) {
            components.scoringService().score(Applications.variant("CLI-RS-" + i, i).toString());
        }
        assertEquals(0, run("register", "--artifact", TestModel.challengerDirectory().toString(), "--actor", "ds-grace"));
        String challenger = org.licencerisk.model.artifact.ModelArtifact.load(TestModel.challengerDirectory()).manifest()
                .modelVersion();
        assertEquals(0, run("promote", challenger, "--actor", "ds-ada", "--force", "--reason", "Re-scoring test."));

        assertEquals(0, run("rescore", "--json"));
        JsonNode result = output();
        assertEquals("COMPLETE", result.get("status").asText());
        assertEquals("000000000002", result.get("jobId").asText());
        assertEquals(challenger, result.get("championVersion").asText());
        assertEquals(3, result.get("counts").get("rescored").asInt());
        String progress = err.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("registry: rescore: job 000000000002: 3 of about 3 undecided applications"), progress);

        assertEquals(0, run("rescore"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Re-scoring ALREADY_ENDED: job "), out.toString(StandardCharsets.UTF_8));
        assertEquals(0, run("rescore", "--json"));
        assertEquals("ALREADY_ENDED", output().get("status").asText());
        assertEquals(0, run("rescore", "--status"));
        assertEquals(1, out.toString(StandardCharsets.UTF_8).lines().count(), "one line per job");
        assertEquals(0, run("rescore", "--status", "--json"));
        JsonNode jobs = output();
        assertEquals(1, jobs.size());
        assertEquals("COMPLETE", jobs.get(0).get("status").asText());
        assertEquals(3, jobs.get(0).get("counts").get("seen").asInt());
    }

    @Test
    void seedFillsOnlyALocalStackWithSyntheticApplicationsMostOfThemDecided() throws IOException {
        assertEquals(0, run("seed", "--synthetic", "200", "--decided", "0.75", "--seed", "3", "--json"));
        JsonNode seeded = output();
        assertEquals(200, seeded.get("scored").asInt());
        int decided = seeded.get("decided").asInt();
        assertTrue(decided > 100 && decided <= 150, seeded.toString());
        assertEquals(200 - decided, seeded.get("undecided").asInt());
        assertEquals(200 - decided, components.cases().countUndecided().orElseThrow(), "the undecided ones are queued");
        assertTrue(components.cases().scan(org.licencerisk.functions.queue.CaseState.UNDECIDED, 50, null).items().stream()
                .allMatch(c -> c.applicationId().startsWith("SEED3-")), "ids carry the seed");

        assertEquals(2, run("seed", "--synthetic", "many"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--synthetic must be a whole number"));
        assertEquals(2, run("seed", "--synthetic", "10", "--decided", "2"));
        assertEquals(2, run("seed"));
        ApiConfig remote = ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, components.config().applicationsTable(),
                ApiConfig.MODELS_TABLE, components.config().modelsTable()));
        components = Components.of(remote, components.dynamoDb(), TestModel.scorer(), Clock.systemUTC(),
                components.logger());
        assertEquals(2, run("seed", "--synthetic", "10"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("only against a local"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void badUsageExitsWithTwo() {
        assertEquals(2, run());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run("promote", "v1"));
        assertEquals(2, run("register", "--actor", "x"));
        assertEquals(2, run("register", "--artifact", artifacts.resolve("nothing-here").toString(), "--actor", "x"));
    }

    @Test
    void exportsWithAKeyFileAndRefusesAMissingOrShortKey() throws IOException {
        Path out = artifacts.resolve("exports/not-yet-made/export.jsonl");
        assertEquals(2, run("export", "--out", out.toString(), "--key-file", artifacts.resolve("no-key").toString()));
        Path shortKey = Files.writeString(artifacts.resolve("short.key"), "c2hvcnQ=");
        assertEquals(2, run("export", "--out", out.toString(), "--key-file", shortKey.toString()));
        Path key = Files.writeString(artifacts.resolve("export.key"),
                java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertEquals(0, run("export", "--out", out.toString(), "--key-file", key.toString(), "--json"));
        assertEquals(0, output().get("exported").asLong(), "nothing decided in an empty table");
        assertTrue(Files.isRegularFile(out));
    }

    @Test
    void retrainsRegistersACandidateAndPrintsTheComparison() throws IOException {
        assertEquals(0, run("register", "--artifact", TestModel.directory().toString(), "--actor", "ds-grace"));
        components.promotionService().initialise(ModelArtifact.load(TestModel.directory()).manifest().modelVersion(),
                "ds-grace");
        DecidedApplications.record(components, 40, 80);
        Path key = Files.writeString(artifacts.resolve("export.key"),
                java.util.Base64.getEncoder().encodeToString(new byte[32]));

        assertEquals(0, run("retrain", "--key-file", key.toString(), "--trainer", "logistic", "--seed", "5"),
                err.toString(StandardCharsets.UTF_8));

        String summary = out.toString(StandardCharsets.UTF_8);
        String progress = err.toString(StandardCharsets.UTF_8);
        assertTrue(progress.contains("registry: retrain: exporting"), progress);
        assertEquals(1, summary.lines().count(), "one line for people: " + summary);
        assertEquals(0, run("list", "--json"));
        JsonNode candidate = output().get("items").get(1);
        String version = candidate.get("modelVersion").asText();
        assertTrue(version.startsWith("logistic-"), version);
        assertEquals("CANDIDATE", candidate.get("status").asText());
        String champion = ModelArtifact.load(TestModel.directory()).manifest().modelVersion();
        assertTrue(summary.contains("challenger " + version + " (CANDIDATE) average precision"), summary);
        assertTrue(summary.contains("champion " + champion + " average precision"), summary);
        assertEquals(RegistryTool.RETRAIN_ACTOR, components.registry().find(version).orElseThrow().registeredBy());
    }

    @Test
    void retrainRefusesBadOptionsAndTooLittleData() throws IOException {
        Path key = Files.writeString(artifacts.resolve("export.key"),
                java.util.Base64.getEncoder().encodeToString(new byte[32]));
        assertEquals(2, run("retrain"));
        assertEquals(2, run("retrain", "--key-file", key.toString(), "--split-date", "01/06/2026"));
        assertEquals(2, run("retrain", "--key-file", key.toString(), "--trainer", "forest"));
        assertEquals(2, run("retrain", "--key-file", key.toString(), "--seed", "many"));
        assertEquals(1, run("retrain", "--key-file", key.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("too little data"));
        assertEquals(0, run("list", "--json"));
        assertEquals(0, output().get("items").size(), "nothing registered");
    }

    @Test
    void exportsWithAKeySecretTheSameRowsAsWithItsKeyFileAndTakesExactlyOneOfThem() throws IOException {
        DecidedApplications.record(components, 2, 5);
        String keyText = java.util.Base64.getEncoder().encodeToString("a test key of thirty-two bytes!!".getBytes(
                StandardCharsets.US_ASCII));
        Path key = Files.writeString(artifacts.resolve("export.key"), keyText);
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:licence-risk-key-AbCdEf";
        try (SecretsManagerStub secrets = SecretsManagerStub.holding(arn, keyText)) {
            ApiConfig config = ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, components.config().applicationsTable(),
                    ApiConfig.MODELS_TABLE, components.config().modelsTable(),
                    ApiConfig.DYNAMODB_ENDPOINT, components.config().dynamoDbEndpoint().toString(),
                    ApiConfig.SECRETS_MANAGER_ENDPOINT, secrets.endpoint().toString()));
            components = Components.of(config, components.dynamoDb(), TestModel.scorer(), Clock.systemUTC(),
                    components.logger());
            Path fromFile = artifacts.resolve("from-file.jsonl");
            Path fromSecret = artifacts.resolve("from-secret.jsonl");
            assertEquals(0, run("export", "--out", fromFile.toString(), "--key-file", key.toString()));
            assertEquals(0, run("export", "--out", fromSecret.toString(), "--key-secret", arn, "--json"),
                    err.toString(StandardCharsets.UTF_8));
            assertEquals(7, output().get("exported").asInt());
            assertEquals(Files.readString(fromFile), Files.readString(fromSecret));
            assertEquals(1, secrets.received().size());

            assertEquals(2, run("export", "--out", fromSecret.toString(), "--key-file", key.toString(),
                    "--key-secret", arn));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("exactly one of --key-file and --key-secret"));
            assertEquals(2, run("export", "--out", fromSecret.toString()));
            assertEquals(2, run("export", "--out", fromSecret.toString(), "--key-secret", keyText));
            String refused = err.toString(StandardCharsets.UTF_8);
            assertTrue(refused.contains("--key-secret must be the ARN"), refused);
            assertFalse(refused.contains(keyText), "a key pasted by mistake is not echoed");
        }
        try (SecretsManagerStub empty = SecretsManagerStub.holding(arn, "not base64 at all!")) {
            ApiConfig config = ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, components.config().applicationsTable(),
                    ApiConfig.MODELS_TABLE, components.config().modelsTable(),
                    ApiConfig.SECRETS_MANAGER_ENDPOINT, empty.endpoint().toString()));
            components = Components.of(config, components.dynamoDb(), TestModel.scorer(), Clock.systemUTC(),
                    components.logger());
            assertEquals(2, run("export", "--out", artifacts.resolve("x.jsonl").toString(), "--key-secret", arn));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("does not hold base64 text"));
        }
    }
}
