package org.licencerisk.model.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.licencerisk.model.cli.RiskModelCliTest.run;

class DriftCommandTest {

    private static Path data;
    private static Path model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void trainOnce() {
        data = CliTrainedModel.data();
        model = CliTrainedModel.model();
    }

    @Test
    void driftWritesJsonAndHtmlWithProgressAndASummary() throws IOException {
        Path recent = tmp.resolve("recent.jsonl");
        List<String> lines = Files.readAllLines(data);
        Files.write(recent, lines.subList(lines.size() - 500, lines.size()));
        Path out = tmp.resolve("drift");
        RiskModelCliTest.Run r = run("drift", "--model", model.toString(), "--baseline", data.toString(),
                "--recent", recent.toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("loading recent.jsonl"), r.err());
        assertTrue(r.out().contains("Score PSI") && r.out().contains("HIGH band"), r.out());
        JsonNode json = Json.mapper().readTree(out.resolve("drift.json").toFile());
        assertTrue(json.get("scorePsi").isNumber());
        assertEquals(500, json.get("recent").get("applications").asInt());
        assertTrue(json.get("features").size() > 10);
        String html = Files.readString(out.resolve("drift.html"));
        assertTrue(html.contains("<svg") && !html.contains("<script"));
    }

    @Test
    void driftWorksForAnUntiedCsvModel() throws IOException {
        Path csv = tmp.resolve("log.csv");
        new SyntheticDecisionLog(3, 2000).writeCsv(csv);
        Path schema = Path.of("..", "docs", "examples", "decision-log.schema.json");
        Path csvModel = tmp.resolve("csv-model");
        RiskModelCliTest.Run train = run("train", "--data", csv.toString(), "--schema", schema.toString(), "--no-tune",
                "--out", csvModel.toString());
        assertEquals(0, train.exit(), train.err());
        RiskModelCliTest.Run r = run("drift", "--model", csvModel.toString(), "--baseline", csv.toString(),
                "--recent", csv.toString(), "--schema", schema.toString(), "--out", tmp.resolve("d").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("Score PSI 0.0000 (STABLE)"), r.out());
    }

    @Test
    void helpWrongArgumentsAndMissingFilesGetTheUsualExitCodes() {
        RiskModelCliTest.Run help = run("drift", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--baseline") && help.out().contains("--recent"), help.out());

        RiskModelCliTest.Run missing = run("drift", "--model", model.toString(), "--baseline", data.toString(),
                "--out", tmp.toString());
        assertEquals(RiskModelCli.USAGE, missing.exit(), missing.err());
        assertTrue(missing.firstErrorLine().startsWith("risk-model: ") && missing.err().contains("--recent"), missing.err());

        RiskModelCliTest.Run noFile = run("drift", "--model", model.toString(), "--baseline", data.toString(),
                "--recent", tmp.resolve("absent.jsonl").toString(), "--out", tmp.resolve("o").toString());
        assertEquals(RiskModelCli.FAILED, noFile.exit(), noFile.err());
        assertTrue(noFile.errorLine().contains("absent.jsonl"), noFile.err());
        assertFalse(noFile.err().contains("\tat "), "no stack trace");
        assertFalse(Files.exists(tmp.resolve("o")), "nothing written on failure");
    }
}
