package org.licencerisk.functions.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.testing.ManualTime;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.json.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a newcomer meets in the first hour with the registry command line: readable output, JSON only when asked for
 * and never with NaN, little noise on standard error, and a seeded history with time in it.
 */
class FirstHourTest {

    private static final Instant TODAY = Instant.parse("2026-12-06T10:00:00Z");

    @TempDir
    Path artifacts;

    private TestStack stack;
    private Components components;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        stack = TestStack.create();
        ApiConfig config = ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, stack.config().applicationsTable(),
                ApiConfig.MODELS_TABLE, stack.config().modelsTable(),
                ApiConfig.DYNAMODB_ENDPOINT, stack.config().dynamoDbEndpoint().toString(),
                ApiConfig.ARTIFACT_DIR, artifacts.toString(), ApiConfig.RESCORE_SETTLE_SECONDS, "0"));
        components = Components.of(config, stack.client(), TestModel.scorer(), Clock.systemUTC(),
                stack.components().logger());
    }

    private int run(Clock clock, String... args) {
        out.reset();
        err.reset();
        return new RegistryTool(components, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), clock).run(args);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listPrintsOneLinePerModelAndJsonOnlyWithTheFlagNeverWithNaN() throws Exception {
        Clock clock = Clock.systemUTC();
        assertEquals(0, run(clock, "register", "--artifact", TestModel.directory().toString(), "--actor", "ds-grace"));
        assertEquals(0, run(clock, "register", "--artifact", TestModel.challengerDirectory().toString(), "--actor",
                "ds-grace"));
        assertEquals(0, run(clock, "list"));
        List<String> lines = stdout().lines().toList();
        assertEquals(4, lines.size(), stdout());
        assertTrue(lines.get(0).contains("MODEL VERSION") && lines.get(0).contains("AVG PRECISION"), lines.get(0));
        assertTrue(lines.get(1).contains("CANDIDATE") || lines.get(1).contains("CHAMPION"), lines.get(1));
        assertFalse(stdout().contains("{"), "not JSON");

        assertEquals(0, run(clock, "list", "--json"));
        assertFalse(stdout().contains("NaN"), "empty calibration bins are left out, not \"NaN\"");
        JsonNode listed = Json.mapper().readTree(stdout());
        assertEquals(2, listed.get("items").size());
        boolean emptyBinSeen = false;
        for (JsonNode bin : listed.get("items").get(0).get("metrics").get("calibration")) {
            if (bin.get("count").asInt() == 0) {
                emptyBinSeen = true;
                assertFalse(bin.has("meanScore"), bin.toString());
            }
        }
        assertTrue(emptyBinSeen, "the test model has an empty calibration bin, so NaN would have shown");

        String version = listed.get("items").get(1).get("modelVersion").asText();
        assertEquals(0, run(clock, "shadow", version, "--actor", "ds-ada"));
        assertEquals(version + " is now SHADOW.\n", stdout());
        assertEquals(0, run(clock, "promotions"));
        assertTrue(stdout().startsWith("REVISION"), stdout());
    }

    @Test
    void progressIsPrintedAtMostOnceASecondAndTheLastCountAlways() {
        ManualTime clock = new ManualTime(TODAY);
        List<String> lines = new ArrayList<>();
        Progress progress = new Progress(clock, lines::add);
        for (int i = 1; i <= 100; i++) {
            int n = i;
            progress.report(() -> "done " + n);
            clock.advance(Duration.ofMillis(25));
        }
        progress.done();
        assertEquals(List.of("done 1", "done 41", "done 81", "done 100"), lines);
    }

    @Test
    void seedSpreadsTheHistoryOverYearsUpToTodayWithTheNewestUndecided() throws Exception {
        assertEquals(0, run(Clock.fixed(TODAY, ZoneOffset.UTC), "seed", "--synthetic", "300", "--seed", "5"));
        assertTrue(stdout().contains("300 applications scored"), stdout());
        long progressLines = err.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("registry: seed:"))
                .count();
        assertEquals(2, progressLines, "a frozen clock: the first line and the last: " + err);

        List<Instant> decided = new ArrayList<>();
        List<Instant> scored = new ArrayList<>();
        for (Map<String, AttributeValue> item : stack.items()) {
            String sk = item.get("sk").s();
            if (sk.startsWith("DECISION#")) {
                decided.add(Instant.parse(item.get("decidedAt").s()));
            } else if (sk.startsWith("SCORE#")) {
                scored.add(Instant.parse(item.get("scoredAt").s()));
            }
        }
        Instant firstDecision = decided.stream().min(Instant::compareTo).orElseThrow();
        Instant lastDecision = decided.stream().max(Instant::compareTo).orElseThrow();
        assertTrue(Duration.between(firstDecision, lastDecision).toDays() > 3 * 365,
                "decisions span years, not seconds: " + firstDecision + " to " + lastDecision);
        assertFalse(lastDecision.isAfter(TODAY), "nothing is decided in the future");
        assertTrue(Duration.between(lastDecision, TODAY).toDays() < 365, "the history reaches this year: " + lastDecision);
        Instant newestScore = scored.stream().max(Instant::compareTo).orElseThrow();
        assertTrue(Duration.between(newestScore, TODAY).toDays() < 60, "recent applications are in the queue");
        List<Instant> undecidedScores = new ArrayList<>();
        components.cases().scan(org.licencerisk.functions.queue.CaseState.UNDECIDED, 100, null).items()
                .forEach(c -> undecidedScores.add(Instant.parse(stack.items().stream()
                        .filter(i -> i.get("applicationId").s().equals(c.applicationId())
                                && i.get("sk").s().startsWith("SCORE#")).findFirst().orElseThrow()
                        .get("scoredAt").s())));
        assertTrue(undecidedScores.stream().filter(s -> s.isAfter(lastDecision.minus(Duration.ofDays(200)))).count()
                > undecidedScores.size() / 2, "most undecided applications are the newest");
    }

    @Test
    void thirdPartyInfoLogsAreSilenced() {
        RegistryTool.quietThirdPartyLogs();
        assertFalse(java.util.logging.Logger.getLogger("org.tribuo.common.sgd.AbstractSGDTrainer")
                .isLoggable(java.util.logging.Level.INFO));
        assertTrue(java.util.logging.Logger.getLogger("org.tribuo").isLoggable(java.util.logging.Level.WARNING));
    }

    @Test
    void theReadmeKeepsExportsAndKeysOutOfTheCheckoutAndKeysPrivate() throws Exception {
        String readme = Files.readString(org.licencerisk.functions.testing.Dynalite.repositoryRoot()
                .resolve("README.md"));
        for (String line : readme.lines().toList()) {
            if (line.contains("--out ") && line.contains("registry")) {
                assertTrue(line.contains("--out .local/") || line.contains("--out ~/"), "written outside git: " + line);
            }
            if (line.contains("export.key") && line.contains("urandom")) {
                assertTrue(line.contains("umask 077"), "the key is created private: " + line);
            }
        }
        assertTrue(readme.contains("docs/domain.md"));
        assertFalse(readme.contains("../shared"), "the domain background lives in the repository");
        assertTrue(Files.isRegularFile(org.licencerisk.functions.testing.Dynalite.repositoryRoot()
                .resolve("docs/domain.md")));
    }
}
