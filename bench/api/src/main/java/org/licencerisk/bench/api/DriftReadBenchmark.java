package org.licencerisk.bench.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.monitoring.DriftRequest;
import org.licencerisk.functions.monitoring.DriftService;
import org.licencerisk.functions.monitoring.DriftSummary;
import org.licencerisk.functions.monitoring.RecentApplications;
import org.licencerisk.functions.monitoring.RecentPeriod;
import org.licencerisk.functions.storage.DynamoDbClientFactory;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.data.Outcome;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Reads windows of recent applications for the drift report from a DynamoDB-compatible server.
 * Fills fresh tables through the services with {@code CASES} synthetic applications (seed 1): 90 % scored on
 * 2026-10-15, 10 % on 2026-11-15, four in five decided (those with an outcome officers can record). Then reads the
 * November window and the whole period three times each with {@code RecentApplications}, and makes one whole drift
 * report of November ({@code DriftService}, baseline 5,000 synthetic decisions, seed 2).
 * <p>
 * {@code java -cp bench/api/target/api-benchmarks.jar org.licencerisk.bench.api.DriftReadBenchmark PORT CASES MODEL_DIR}
 */
public final class DriftReadBenchmark {

    private static final Instant OCTOBER = Instant.parse("2026-10-15T10:00:00Z");
    private static final Instant NOVEMBER = Instant.parse("2026-11-15T10:00:00Z");

    private DriftReadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            throw new IllegalArgumentException("Usage: DriftReadBenchmark PORT CASES MODEL_DIR");
        }
        int cases = Integer.parseInt(args[1]);
        Path modelDir = Path.of(args[2]);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ApiConfig config = ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, "drift-bench-" + suffix,
                ApiConfig.MODELS_TABLE, "drift-bench-models-" + suffix,
                ApiConfig.DYNAMODB_ENDPOINT, "http://127.0.0.1:" + args[0], ApiConfig.MODEL_DIR, modelDir.toString()));
        DynamoDbClient client = DynamoDbClientFactory.create(config);
        TableDefinitions.createIfMissing(client, config.applicationsTable(), config.modelsTable());
        ModelArtifact model = ModelArtifact.load(modelDir);
        StructuredLogger quiet = new StructuredLogger(new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC());
        Components october = Components.of(config, client, model.scorer(), Clock.fixed(OCTOBER, ZoneOffset.UTC), quiet);
        Components november = Components.of(config, client, model.scorer(), Clock.fixed(NOVEMBER, ZoneOffset.UTC), quiet);

        long start = System.nanoTime();
        Iterator<HistoricalApplication> log = new SyntheticDecisionLog(1L, cases).iterator();
        for (int i = 0; i < cases; i++) {
            fill(i < cases * 9 / 10 ? october : november, log.next(), i % 5 != 0);
        }
        System.out.printf(Locale.ROOT, "filled %d cases through the services in %.1f s%n", cases,
                (System.nanoTime() - start) / 1e9);

        RecentApplications reader = new RecentApplications(client, config.applicationsTable());
        Instant novemberStart = Instant.parse("2026-11-01T00:00:00Z");
        Instant end = Instant.parse("2026-12-01T00:00:00Z");
        for (Instant since : List.of(novemberStart, Instant.parse("2026-10-01T00:00:00Z"))) {
            for (int run = 0; run < 3; run++) {
                System.gc();
                long t = System.nanoTime();
                RecentPeriod period = reader.read(since, end, model.definition(), ReferenceData.shipped(), c -> { });
                double seconds = (System.nanoTime() - t) / 1e9;
                System.out.printf(Locale.ROOT, "window from %s: %d cases read, %d in the window (%d decided), "
                                + "%.2f s, %.0f cases/s%n", since, period.counts().casesRead(),
                        period.counts().applications(), period.counts().decided(), seconds,
                        period.counts().casesRead() / seconds);
            }
        }

        Path work = Files.createTempDirectory("drift-bench-");
        Path baseline = work.resolve("baseline.jsonl");
        new SyntheticDecisionLog(2L, 5_000).writeJsonLines(baseline);
        long t = System.nanoTime();
        DriftSummary summary = november.driftService().run(new DriftRequest(novemberStart, end, baseline,
                work.resolve("report"), null), c -> { });
        System.out.printf(Locale.ROOT, "drift report of November (%d applications, baseline %d): %.2f s, score PSI "
                + "%.4f%n", summary.decided() + summary.undecided(), summary.baseline(), (System.nanoTime() - t) / 1e9,
                summary.scorePsi());
    }

    private static void fill(Components components, HistoricalApplication h, boolean decide)
            throws JsonProcessingException {
        components.scoringService().score(Json.mapper().writeValueAsString(h.application()));
        if (decide && h.outcome() != Outcome.NO_LICENCE_REQUIRED) {
            components.decisionService().decide(h.application().applicationId(), Json.mapper().writeValueAsString(
                    Map.of("outcome", h.outcome().name(), "criteria", h.outcome() == Outcome.REFUSED
                            ? List.of("2") : List.of(), "rationale", "Assessed.", "officerId", "officer-1")),
                    "officer-1");
        }
    }
}
