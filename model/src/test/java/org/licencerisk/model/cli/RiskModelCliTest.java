package org.licencerisk.model.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;
import org.licencerisk.model.testing.Fixtures;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RiskModelCliTest {

    /** One command's exit code and output. */
    record Run(int exit, String out, String err) {
        String firstErrorLine() {
            return err.lines().findFirst().orElse("");
        }

        /** The one error line of a failed task (progress lines may precede it). */
        String errorLine() {
            List<String> errors = err.lines().filter(l -> l.startsWith("risk-model: ")).toList();
            assertEquals(1, errors.size(), err);
            return errors.get(0);
        }
    }

    private static Path data;
    private static Path model;

    @TempDir
    Path tmp;

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = RiskModelCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void trainOnce() {
        data = CliTrainedModel.data();
        model = CliTrainedModel.model();
    }

    @Test
    void trainWritesTheArtifactAndBothReports() throws IOException {
        for (String f : List.of("model.tribuo", "manifest.json", "metrics.json", "report.html")) {
            assertTrue(Files.isRegularFile(model.resolve(f)), f);
        }
        JsonNode metrics = Json.mapper().readTree(model.resolve("metrics.json").toFile());
        for (String key : List.of("rocAuc", "averagePrecision", "recallAtTop10", "brier")) {
            assertTrue(metrics.get(key).isNumber(), key);
        }
        assertTrue(Files.readString(model.resolve("report.html")).contains("<svg"));
    }

    @Test
    void trainShowsProgressAndASummary() {
        Path out = tmp.resolve("xgb");
        Run r = run("train", "--data", data.toString(), "--trainer", "xgboost", "--no-tune", "--split-date", "2025-01-01",
                "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("choosing settings on the validation period"), r.err());
        assertTrue(r.err().contains("refitting on the whole training period"), r.err());
        assertTrue(r.out().contains("ROC-AUC"), r.out());
        assertTrue(r.out().startsWith("Trained xgboost-"), r.out());
    }

    @Test
    void inspectScoreEvaluateAndCompareWork() throws IOException {
        Run inspect = run("inspect", "--model", model.toString());
        assertEquals(0, inspect.exit(), inspect.err());
        assertTrue(inspect.out().contains("verified"), inspect.out());
        assertTrue(inspect.out().contains("TrainerProvenance") || inspect.out().contains("trainer"), inspect.out());

        Path application = tmp.resolve("application.json");
        Files.writeString(application, Fixtures.json("surveillance-high-risk.json"));
        Run score = run("score", "--model", model.toString(), application.toString());
        assertEquals(0, score.exit(), score.err());
        JsonNode json = Json.mapper().readTree(score.out());
        assertEquals("HIGH", json.get("riskBand").asText());
        assertTrue(json.get("redFlags").size() > 0);

        Run evaluate = run("evaluate", "--model", model.toString(), "--data", data.toString(), "--out", tmp.resolve("eval").toString());
        assertEquals(0, evaluate.exit(), evaluate.err());
        assertTrue(Files.isRegularFile(tmp.resolve("eval/report.html")));

        Run compare = run("compare", "--model", model.toString(), "--model", model.toString(), "--data", data.toString());
        assertEquals(0, compare.exit(), compare.err());
        assertTrue(compare.out().contains("ROC-AUC") || compare.out().contains("rocAuc") || compare.out().contains("AUC"), compare.out());
    }

    @Test
    void wrongArgumentsGetOneLineAndExitCodeTwo() {
        for (String[] args : List.of(new String[]{}, new String[]{"train"}, new String[]{"train", "--out", "x", "--trainer", "forest"},
                new String[]{"train", "--out", "x", "--bogus"}, new String[]{"score"},
                new String[]{"train", "--out", "x", "--test", "t.jsonl", "--split-date", "2025-01-01"},
                new String[]{"compare", "--model", "a", "--data", "d"}, new String[]{"train", "--out", "x", "--split-date", "yesterday"})) {
            Run r = run(args);
            assertEquals(RiskModelCli.USAGE, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.firstErrorLine().startsWith("risk-model: "), r.err());
            assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        }
    }

    @Test
    void helpExplainsEveryCommand() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        for (String command : List.of("train", "evaluate", "compare", "inspect", "score", "generate")) {
            assertTrue(r.out().contains(command), command);
            Run sub = run(command, "--help");
            assertEquals(0, sub.exit(), command);
            assertTrue(sub.out().contains("Usage: risk-model " + command), sub.out());
        }
    }

    @Test
    void aBadDataLineIsNamedAndNothingIsWritten() throws IOException {
        Path bad = tmp.resolve("bad.jsonl");
        List<String> lines = Files.readAllLines(data).subList(0, 20);
        Files.write(bad, lines);
        Files.writeString(bad, "{\"applicationId\": 42}\n", java.nio.file.StandardOpenOption.APPEND);
        Path out = tmp.resolve("never");
        Run r = run("train", "--data", bad.toString(), "--out", out.toString());
        assertEquals(RiskModelCli.FAILED, r.exit());
        assertTrue(r.errorLine().contains("line 21"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aCsvLogNeedsItsSchemaAndAnUntiedModelCannotScore() throws IOException {
        Path csv = tmp.resolve("log.csv");
        new SyntheticDecisionLog(3, 3000).writeCsv(csv);
        Run noSchema = run("train", "--data", csv.toString(), "--out", tmp.resolve("m1").toString());
        assertEquals(RiskModelCli.FAILED, noSchema.exit());
        assertTrue(noSchema.errorLine().contains("--schema"), noSchema.err());

        Path schema = Path.of("..", "docs", "examples", "decision-log.schema.json");
        Path csvModel = tmp.resolve("csv-model");
        Run train = run("train", "--data", csv.toString(), "--schema", schema.toString(), "--no-tune", "--out",
                csvModel.toString());
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.out().contains("[officerTeam]") || train.out().contains("[officer_team]"), train.out());

        Path application = tmp.resolve("application.json");
        Files.writeString(application, Fixtures.json("crypto-low-risk.json"));
        Run score = run("score", "--model", csvModel.toString(), application.toString());
        assertEquals(RiskModelCli.FAILED, score.exit());
        assertTrue(score.errorLine().contains("officer_team") || score.errorLine().contains("officerTeam"), score.err());

        Run evaluate = run("evaluate", "--model", csvModel.toString(), "--data", csv.toString(), "--schema", schema.toString());
        assertEquals(0, evaluate.exit(), evaluate.err());
    }

    @Test
    void anInvalidApplicationIsExplainedFieldByField() throws IOException {
        Path application = tmp.resolve("application.json");
        Files.writeString(application, Fixtures.json("crypto-low-risk.json").replace("\"JP\"", "\"XX\""));
        Run r = run("score", "--model", model.toString(), application.toString());
        assertEquals(RiskModelCli.FAILED, r.exit());
        assertTrue(r.err().contains("destinationCountry"), r.err());
    }

    @Test
    void aTamperedArtifactIsRefused() throws IOException {
        Path copy = tmp.resolve("copy");
        Files.createDirectories(copy);
        for (String f : List.of("model.tribuo", "manifest.json")) {
            Files.copy(model.resolve(f), copy.resolve(f));
        }
        byte[] bytes = Files.readAllBytes(copy.resolve("model.tribuo"));
        bytes[100] ^= 0x10;
        Files.write(copy.resolve("model.tribuo"), bytes);
        Run r = run("inspect", "--model", copy.toString());
        assertEquals(RiskModelCli.FAILED, r.exit());
        assertTrue(r.errorLine().contains("SHA-256"), r.err());
    }

    @Test
    void generateWritesTheRequestedNumberOfApplications() throws IOException {
        Path out = tmp.resolve("gen.jsonl");
        Run r = run("generate", "--out", out.toString(), "--applications", "250", "--seed", "5");
        assertEquals(0, r.exit(), r.err());
        assertEquals(250, Files.readAllLines(out).size());
    }
}
