package org.licencerisk.functions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.shadow.ShadowScore;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.scoring.RiskBand;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code registry shadow}, {@code unshadow} and {@code compare} against dynalite and a local artifact directory. */
class ShadowCommandsTest {

    @TempDir
    Path artifacts;

    @TempDir
    Path work;

    private Components components;
    private String champion;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        components = TestStack.withEnvironment(Map.of(ApiConfig.ARTIFACT_DIR, artifacts.toString())).components();
        champion = TestModel.scorer().manifest().modelVersion();
        components.registry().register(TestModel.scorer().manifest(), null, "scoring-function", Instant.now());
        components.promotionService().initialise(champion, "scoring-function");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new RegistryTool(components, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String output() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shadowAndUnshadowChangeTheStatusAndRefuseTheChampion() throws IOException {
        assertEquals(0, run("register", "--artifact", TestModel.challengerDirectory().toString(), "--actor", "ds-grace"));
        String challenger = ModelArtifact.load(TestModel.challengerDirectory()).manifest().modelVersion();
        assertEquals(0, run("shadow", challenger, "--actor", "ds-ada", "--json"), err.toString(StandardCharsets.UTF_8));
        JsonNode model = Json.mapper().readTree(output());
        assertEquals("SHADOW", model.get("status").asText());
        assertEquals("ds-ada", model.get("statusChangedBy").asText());
        assertEquals(0, run("unshadow", challenger, "--actor", "ds-ada", "--json"));
        assertEquals("CANDIDATE", Json.mapper().readTree(output()).get("status").asText());

        assertEquals(1, run("shadow", champion, "--actor", "ds-ada"), "a conflict");
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is the champion"));
        assertEquals(2, run("shadow", "--actor", "ds-ada"), "no version");
        assertEquals(2, run("shadow", challenger), "no actor");
    }

    @Test
    void comparePrintsASummaryAndWritesTheJsonToAFile() throws IOException {
        components.registry().register(TestModel.manifestAs("shadow-v2"), null, "ds-grace", Instant.now());
        double[] primary = {0.10, 0.20, 0.60, 0.80};
        RiskBand[] primaryBands = {RiskBand.LOW, RiskBand.LOW, RiskBand.MEDIUM, RiskBand.HIGH};
        double[] shadow = {0.15, 0.40, 0.30, 0.90};
        RiskBand[] shadowBands = {RiskBand.LOW, RiskBand.MEDIUM, RiskBand.MEDIUM, RiskBand.HIGH};
        for (int i = 0; i < primary.length; i++) {
            String hash = String.format("%064x", i + 1);
            components.shadowScores().insertIfAbsent(new ShadowScore("shadow-v2", ShadowScore.pairKey("NL-CLI-" + i, hash),
                    "NL-CLI-" + i, shadow[i], shadowBands[i], List.of(), List.of(), champion, primary[i],
                    primaryBands[i], hash.substring(0, 32), Instant.parse("2026-11-29T11:00:00Z")));
        }
        Path file = work.resolve("comparison.json");
        assertEquals(0, run("compare", "--model", "shadow-v2", "--out", file.toString()),
                err.toString(StandardCharsets.UTF_8));
        String summary = output();
        assertTrue(summary.startsWith("Model shadow-v2 against " + champion + " (the champion): 4 paired application"
                + " contents"), summary);
        assertTrue(summary.contains("Band agreement: 75.0% (3 of 4)"), summary);
        // Ranks 1, 2, 3, 4 against 1, 3, 2, 4: sum of squared differences 2, rho = 1 - 12 / 60 = 0.8.
        assertTrue(summary.contains("Spearman rank correlation: 0.8000"), summary);
        assertTrue(summary.contains("Band changes: 1 (1 listed)"), summary);
        assertTrue(summary.contains("NL-CLI-1"), summary);
        assertTrue(summary.contains("LOW    -> MEDIUM"), summary);

        JsonNode json = Json.mapper().readTree(Files.readString(file));
        assertEquals(4, json.get("pairs").asInt());
        assertEquals(0.8, json.get("spearman").asDouble(), 1e-12);
        assertEquals(1, json.get("bandMatrix").get("LOW").get("MEDIUM").asInt());
        try (var siblings = Files.list(work)) {
            assertEquals(List.of(file), siblings.toList(), "no temporary file is left beside it");
        }
    }

    @Test
    void compareWithoutTheShadowTableConfiguredSaysWhatToSet() {
        TestStack stack = TestStack.create();
        ApiConfig config = ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, stack.config().applicationsTable(),
                ApiConfig.MODELS_TABLE, stack.config().modelsTable(),
                ApiConfig.DYNAMODB_ENDPOINT, stack.config().dynamoDbEndpoint().toString()));
        components = Components.of(config, stack.client(), TestModel.scorer(), java.time.Clock.systemUTC(),
                stack.components().logger());
        assertEquals(2, run("compare", "--model", champion));
        assertEquals("registry: Set SHADOW_SCORES_TABLE to the shadow scores table to read or store shadow scores.",
                err.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void compareRefusesBadOptionsWithASentence() {
        assertEquals(2, run("compare"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("The option --model is required."));
        assertEquals(2, run("compare", "--model", "unknown-v9"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("No model with version unknown-v9 is registered."));
        assertEquals(2, run("compare", "--model", champion, "--limit", "many"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--limit must be a whole number"));
        assertEquals(2, run("compare", "--model", champion, "--limit", "0"));
        assertFalse(output().contains("Band agreement"));
    }
}
