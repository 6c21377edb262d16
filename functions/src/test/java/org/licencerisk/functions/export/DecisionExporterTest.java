package org.licencerisk.functions.export;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.decisions.DecisionsHandler;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.data.JsonLinesDecisionLoader;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.privacy.Pseudonymiser;
import org.licencerisk.model.reference.ReferenceData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decisions recorded through the API come out pseudonymised in the training format, once each, however often run. */
class DecisionExporterTest {

    private static final int SCORED = 7;

    @TempDir
    Path dir;

    private TestStack stack;
    private Pseudonymiser pseudonymiser;

    @BeforeEach
    void setUp() {
        stack = TestStack.create();
        byte[] key = new byte[32];
        new Random(5).nextBytes(key);
        pseudonymiser = new Pseudonymiser(key);
        ScoresHandler scores = new ScoresHandler(stack.components());
        DecisionsHandler decisions = new DecisionsHandler(stack.components());
        for (int i = 0; i < SCORED; i++) {
            String id = "NL-EXP-" + i;
            assertEquals(201, TestStack.invoke(scores, Events.request("POST", ScoresHandler.PATH, Map.of())
                    .jsonBody(Applications.variant(id, i).toString())).status());
            if (i < 5) {
                String outcome = i % 2 == 0 ? "REFUSED" : "APPROVED";
                String criteria = outcome.equals("REFUSED") ? "[\"2\"]" : "[]";
                assertEquals(201, TestStack.invoke(decisions, Events.request("PUT", DecisionsHandler.PATH,
                        Map.of("applicationId", id)).jsonBody("{\"outcome\":\"" + outcome + "\",\"criteria\":" + criteria
                        + ",\"rationale\":\"Assessed.\"}")).status());
            }
        }
    }

    private List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(Json.mapper().readTree(line));
        }
        return out;
    }

    @Test
    void exportsEachDecidedApplicationOncePseudonymisedInTheTrainingFormat() throws IOException {
        Path file = dir.resolve("decisions.jsonl");
        List<ExportSummary> progress = new ArrayList<>();
        ExportSummary summary = new DecisionExporter(stack.client(), stack.config().applicationsTable())
                .export(file, pseudonymiser, progress::add);
        assertEquals(new ExportSummary(5, 5, 0), summary);
        assertEquals(summary, progress.get(progress.size() - 1), "the final summary is reported");

        List<JsonNode> rows = lines(file);
        assertEquals(5, rows.size());
        String text = Files.readString(file);
        assertFalse(text.contains("Ministry of Interior"), "no end-user name");
        assertFalse(text.contains("Example Networks"), "no exporter name");
        assertFalse(text.contains("NL123456789"), "no exporter id");
        for (JsonNode row : rows) {
            assertTrue(row.get("endUser").get("name").asText().startsWith(Pseudonymiser.PREFIX));
            int n = Integer.parseInt(row.get("applicationId").asText().substring("NL-EXP-".length()));
            assertEquals(n % 2 == 0 ? "REFUSED" : "APPROVED", row.get("outcome").asText());
            assertTrue(row.has("decidedAt"));
        }
        assertEquals(5, new JsonLinesDecisionLoader().load(file, FeatureDefinition.standard(), ReferenceData.shipped())
                .records().size(), "the model module reads it back");
    }

    @Test
    void aReRunReplacesTheFileWholeWithoutDuplicatesAndTheSamePseudonyms() throws IOException {
        Path file = dir.resolve("decisions.jsonl");
        DecisionExporter exporter = new DecisionExporter(stack.client(), stack.config().applicationsTable());
        exporter.export(file, pseudonymiser, s -> { });
        byte[] first = Files.readAllBytes(file);
        exporter.export(file, pseudonymiser, s -> { });
        assertTrue(Arrays.equals(first, Files.readAllBytes(file)), "the same rows, once each");
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList(), "no temporary file left behind");
        }
    }
}
