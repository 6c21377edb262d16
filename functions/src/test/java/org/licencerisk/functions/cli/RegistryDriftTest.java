package org.licencerisk.functions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.queue.ApplicationCase;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.functions.scores.DynamoDbScoreRepository;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.DecidedApplications;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.data.Outcome;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.monitoring.BandAgreement;
import org.licencerisk.model.monitoring.DriftReport;
import org.licencerisk.model.monitoring.DriftReportWriter;
import org.licencerisk.model.monitoring.FeatureDrift;
import org.licencerisk.model.scoring.RiskBand;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code registry drift} on the local stack (dynalite, a local artifact directory): applications scored and decided
 * through the services in two months, a canary in every confidential field of the recent ones; the report of a window
 * holds exactly that window's applications, decided and undecided, with the bands checked against the decisions, and
 * no confidential text; bad arguments and failed tasks exit as documented.
 */
class RegistryDriftTest {

    private static final String CANARY = "CANARY" + UUID.randomUUID().toString().replace("-", "");
    /** Recent applications: the first {@value #DECIDED} are decided, the rest stay in the queue. */
    private static final int REFUSALS = 15;
    private static final int OTHERS = 45;
    private static final int DECIDED = 40;
    private static final int OLD = 12;
    private static final int OLD_DECIDED = 5;

    @TempDir
    static Path dir;

    private static TestStack stack;
    private static Components components;
    private static List<HistoricalApplication> recent;
    private static Path baseline;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void scoreAndDecide() throws IOException {
        stack = TestStack.withEnvironment(Map.of(ApiConfig.ARTIFACT_DIR, dir.resolve("artifacts").toString()));
        components = stack.components();
        // The champion's artifact is in the store: registered, then made the first champion.
        ModelArtifact model = ModelArtifact.load(TestModel.directory());
        components.registry().register(model.manifest(), components.requireArtifactStore().put(TestModel.directory()),
                "ds-grace", Instant.parse("2026-09-01T00:00:00Z"));
        components.promotionService().initialise(model.manifest().modelVersion(), "ds-grace");

        // October: older applications, some decided (scored and decided at a fixed time on 2026-10-15).
        Components october = Components.of(stack.config(), stack.client(), TestModel.scorer(),
                Clock.fixed(Instant.parse("2026-10-15T10:00:00Z"), ZoneOffset.UTC), components.logger());
        for (int i = 0; i < OLD; i++) {
            String id = "NL-OLD-" + i;
            october.scoringService().score(Applications.variant(id, i).toString());
            if (i < OLD_DECIDED) {
                decide(october, id, Outcome.APPROVED);
            }
        }

        // November (the stack's clock, 2026-11-29): the recent applications, with a canary in every confidential field.
        recent = DecidedApplications.select(REFUSALS, OTHERS);
        for (int i = 0; i < recent.size(); i++) {
            HistoricalApplication h = recent.get(i);
            components.scoringService().score(withCanaries(h).toString());
            if (i < DECIDED) {
                decide(components, h.application().applicationId(), h.outcome());
            }
        }
        // One undecided application's score was stored before contents were kept.
        String withoutContent = recent.get(recent.size() - 1).application().applicationId();
        ApplicationCase c = components.cases().find(withoutContent).orElseThrow();
        stack.client().updateItem(b -> b.tableName(stack.config().applicationsTable())
                .key(Map.of(TableDefinitions.APPLICATION_ID, AttributeValue.fromS(withoutContent),
                        TableDefinitions.SK, AttributeValue.fromS("SCORE#" + c.scoreId())))
                .updateExpression("REMOVE #a")
                .expressionAttributeNames(Map.of("#a", DynamoDbScoreRepository.APPLICATION)));

        baseline = dir.resolve("baseline.jsonl");
        new SyntheticDecisionLog(23L, 600).writeJsonLines(baseline);
    }

    private static ObjectNode withCanaries(HistoricalApplication h) {
        ObjectNode a = Json.mapper().valueToTree(h.application());
        ((ObjectNode) a.get("exporter")).put("name", "Exporter " + CANARY);
        ((ObjectNode) a.get("endUser")).put("name", "End user " + CANARY);
        a.get("items").forEach(item -> ((ObjectNode) item).put("description", "Goods " + CANARY));
        a.put("endUse", a.get("endUse").asText() + " " + CANARY);
        return a;
    }

    private static void decide(Components on, String applicationId, Outcome outcome) throws IOException {
        on.decisionService().decide(applicationId, Json.mapper().writeValueAsString(Map.of("outcome", outcome.name(),
                "criteria", outcome == Outcome.REFUSED ? List.of("2") : List.of(),
                "rationale", "Assessed.", "officerId", "officer-1")), "officer-1");
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        return new RegistryTool(components, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    /** Runs {@code registry drift} over a window against the baseline into {@code report}; returns drift.json. */
    private DriftReport drift(Path report, String... window) throws IOException {
        List<String> args = new ArrayList<>(List.of("drift", "--json", "--baseline", baseline.toString(), "--out",
                report.toString()));
        args.addAll(List.of(window));
        assertEquals(0, run(args.toArray(String[]::new)), stderr());
        return DriftReportWriter.readJson(report.resolve(DriftReportWriter.JSON_FILE));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theReportOfAWindowHoldsItsDecidedAndUndecidedApplicationsAndChecksTheBands() throws IOException {
        Path report = dir.resolve("november");
        DriftReport drift = drift(report, "--since", "2026-11-01", "--until", "2026-12-01");
        int undecided = recent.size() - DECIDED - 1;
        assertEquals(DECIDED + undecided, drift.recent().applications(), "the October ones are outside the window");
        assertEquals(undecided, drift.recent().outcomeCounts().get(DecisionRecord.UNDECIDED));
        List<HistoricalApplication> decided = recent.subList(0, DECIDED);
        long labelled = decided.stream().filter(h -> h.outcome().refusalLabel().isPresent()).count();
        long refused = decided.stream().filter(h -> h.outcome() == Outcome.REFUSED).count();
        assertEquals(labelled, drift.recent().labelled());
        assertEquals(refused, drift.recent().refusals());
        assertEquals(600, drift.baseline().applications());
        assertEquals(TestModel.scorer().manifest().modelVersion(), drift.modelVersion(), "the champion");

        // The bands against the decisions, from the bands the served model gives the same (stored) contents.
        for (RiskBand band : RiskBand.values()) {
            List<HistoricalApplication> inBand = new ArrayList<>();
            for (HistoricalApplication h : recent.subList(0, recent.size() - 1)) {
                if (TestModel.scorer().score(new ApplicationParser().parse(withCanaries(h))).riskBand() == band) {
                    inBand.add(h);
                }
            }
            List<HistoricalApplication> decidedInBand = inBand.stream().filter(decided::contains)
                    .filter(h -> h.outcome().refusalLabel().isPresent()).toList();
            BandAgreement row = drift.band(band);
            assertEquals(inBand.size(), row.applications(), band.name());
            assertEquals(decidedInBand.size(), row.decisions(), band.name());
            assertEquals(decidedInBand.stream().filter(h -> h.outcome() == Outcome.REFUSED).count(), row.refusals(),
                    band.name());
        }
        assertEquals(TestModel.scorer().manifest().features().size(), drift.features().size());
        assertTrue(drift.features().stream().allMatch(f -> Double.isFinite(f.psi()) && !f.bins().isEmpty()));
        assertTrue(Double.isFinite(drift.scorePsi()));
        assertTrue(Files.readString(report.resolve(DriftReportWriter.HTML_FILE)).contains("Not decided yet"));

        JsonNode summary = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals(DECIDED, summary.get("decided").asLong());
        assertEquals(undecided, summary.get("undecided").asLong());
        assertEquals(1, summary.get("withoutContent").asLong());
        assertEquals(recent.size() + OLD, summary.get("casesRead").asLong());
        assertEquals(drift.scorePsi(), summary.get("scorePsi").asDouble(), 1e-12);
        assertEquals(0, run("drift", "--since", "2026-11-01", "--until", "2026-12-01", "--baseline", baseline.toString(),
                "--out", dir.resolve("november-text").toString()), stderr());
        String line = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, line.lines().count(), "one line for people: " + line);
        assertTrue(line.startsWith(String.format(java.util.Locale.ROOT, "Score PSI %.4f", drift.scorePsi())), line);
        List<FeatureDrift> top = drift.features().stream()
                .sorted((a, b) -> Double.compare(b.psi(), a.psi())).limit(3).toList();
        assertEquals(top.get(0).name(), summary.get("topFeatures").get(0).get("name").asText());
        assertEquals(3, summary.get("topFeatures").size());
        assertEquals(drift.band(RiskBand.HIGH).refusals(), summary.get("high").get("refusals").asInt());
        assertTrue(stderr().contains("registry: drift: " + (recent.size() + OLD) + " cases read, "
                + (DECIDED + undecided) + " applications in the window"), stderr());
    }

    @Test
    void anEarlierWindowHoldsOnlyItsOwnApplications() throws IOException {
        DriftReport drift = drift(dir.resolve("october"), "--since", "2026-10-15", "--until", "2026-10-16");
        assertEquals(OLD, drift.recent().applications());
        assertEquals(OLD - OLD_DECIDED, drift.recent().outcomeCounts().get(DecisionRecord.UNDECIDED));
        assertEquals(OLD_DECIDED, drift.recent().outcomeCounts().get(Outcome.APPROVED.name()));
        assertEquals(Instant.parse("2026-10-15T10:00:00Z"), drift.recent().firstDecision());

        // Without --until the window ends now (the stack's clock): October and November together.
        assertEquals(OLD + recent.size() - 1, drift(dir.resolve("all"), "--since", "2026-10-01").recent().applications());
    }

    @Test
    void noConfidentialTextReachesTheReportTheOutputOrTheLogs() throws IOException {
        Path report = dir.resolve("canary");
        drift(report, "--since", "2026-11-01");
        String json = Files.readString(report.resolve(DriftReportWriter.JSON_FILE));
        String html = Files.readString(report.resolve(DriftReportWriter.HTML_FILE));
        List<String> outputs = List.of(json, html, out.toString(StandardCharsets.UTF_8), stderr());
        for (String text : outputs) {
            assertFalse(text.contains(CANARY), "a canary leaked");
            for (HistoricalApplication h : recent) {
                assertFalse(text.contains(h.application().applicationId()), "the report holds aggregates only");
            }
        }
        assertFalse(stack.logs().contains(CANARY), "a canary leaked into the logs");
        assertTrue(stack.items().toString().contains(CANARY), "the canaries were stored, so the check means something");
    }

    @Test
    void badArgumentsExitWithTwoAndFailedTasksWithOne() throws IOException {
        Path report = dir.resolve("refused");
        String b = baseline.toString();
        String o = report.toString();
        assertEquals(2, run("drift", "--baseline", b, "--out", o));
        assertTrue(stderr().contains("--since is required"), stderr());
        assertEquals(2, run("drift", "--since", "2026-11-31", "--baseline", b, "--out", o));
        assertEquals("registry: --since must be a date such as 2026-11-01, found '2026-11-31'.\n", stderr());
        assertEquals(2, run("drift", "--since", "2026-11-01", "--until", "01/12/2026", "--baseline", b, "--out", o));
        assertTrue(stderr().startsWith("registry: --until must be a date"), stderr());
        assertEquals(2, run("drift", "--since", "2026-11-10", "--until", "2026-11-01", "--baseline", b, "--out", o));
        assertTrue(stderr().contains("must end after it starts"), stderr());
        assertEquals(2, run("drift", "--since", "2026-11-01", "--baseline", b, "--out", o, "--model", "no-such-model"));
        assertTrue(stderr().contains("The model no-such-model is not registered"), stderr());

        assertEquals(1, run("drift", "--since", "2026-11-01", "--baseline", dir.resolve("missing.jsonl").toString(),
                "--out", o));
        assertEquals("registry: drift: The baseline file " + dir.resolve("missing.jsonl") + " does not exist.\n",
                stderr());
        Path bad = Files.writeString(dir.resolve("bad.jsonl"), "{\"applicationId\": 1}\n");
        assertEquals(1, run("drift", "--since", "2026-11-01", "--baseline", bad.toString(), "--out", o));
        assertTrue(stderr().startsWith("registry: drift: The baseline is not a decision file"), stderr());
        assertEquals(1, run("drift", "--since", "2027-01-01", "--until", "2027-02-01", "--baseline", b, "--out", o));
        assertTrue(stderr().contains("registry: drift: No application scored from 2027-01-01T00:00:00Z"), stderr());
        assertEquals(1, stderr().lines().filter(l -> l.startsWith("registry: drift: No")).count());
        assertFalse(Files.exists(report.resolve(DriftReportWriter.JSON_FILE)), "no report from a refused run");
    }
}
