package org.licencerisk.bench.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.export.DecisionExporter;
import org.licencerisk.functions.export.ExportRequest;
import org.licencerisk.functions.export.ExportRun;
import org.licencerisk.functions.export.ExportSummary;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.storage.DynamoDbClientFactory;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.data.Outcome;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.privacy.Pseudonymiser;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Export throughput against local servers: seeds N decided applications (the synthetic policy, seed 17, scored and
 * decided through the services into fresh tables), then runs the command line's file export and the export
 * function's S3 export (parts of PAGE_SIZE, checkpoint per part) RUNS times each and prints decided applications per
 * second for each run and the median.
 * <p>
 * {@code java -cp bench/api/target/api-benchmarks.jar org.licencerisk.bench.api.ExportThroughput
 * DYNAMODB_PORT S3_PORT BUCKET MODEL_DIR N RUNS [PAGE_SIZE]}
 */
public final class ExportThroughput {

    private static final int SEED_THREADS = 4;

    private ExportThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            throw new IllegalArgumentException(
                    "Usage: ExportThroughput DYNAMODB_PORT S3_PORT BUCKET MODEL_DIR N RUNS [PAGE_SIZE]");
        }
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ApiConfig config = ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, "bench-applications-" + suffix,
                ApiConfig.MODELS_TABLE, "bench-models-" + suffix,
                ApiConfig.DYNAMODB_ENDPOINT, "http://127.0.0.1:" + args[0],
                ApiConfig.S3_ENDPOINT, "http://127.0.0.1:" + args[1], ApiConfig.EXPORT_BUCKET, args[2],
                ApiConfig.DYNAMODB_TIMEOUT_MS, "10000"));
        Path modelDir = Path.of(args[3]);
        int n = Integer.parseInt(args[4]);
        int runs = Integer.parseInt(args[5]);
        int pageSize = args.length > 6 ? Integer.parseInt(args[6]) : ExportRequest.DEFAULT_PAGE_SIZE;

        DynamoDbClient client = DynamoDbClientFactory.create(config);
        TableDefinitions.createIfMissing(client, config.applicationsTable(), config.modelsTable());
        StructuredLogger quiet = new StructuredLogger(new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC());
        Components components = Components.of(config, client, ModelArtifact.load(modelDir).scorer(),
                Clock.systemUTC(), quiet);
        long seeding = System.nanoTime();
        seed(components, n);
        System.out.printf(Locale.ROOT, "seeded %d decided applications in %.1f s (%d threads)%n", n,
                (System.nanoTime() - seeding) / 1e9, SEED_THREADS);

        byte[] key = new byte[32];
        new Random(7).nextBytes(key);
        Pseudonymiser pseudonymiser = new Pseudonymiser(key);
        DecisionExporter exporter = new DecisionExporter(client, config.applicationsTable());
        Path dir = Files.createTempDirectory("export-bench-");
        double[] file = new double[runs];
        double[] s3 = new double[runs];
        for (int r = 0; r < runs; r++) {
            long t0 = System.nanoTime();
            ExportSummary summary = exporter.export(dir.resolve("decisions.jsonl"), pseudonymiser, s -> { });
            file[r] = summary.decided() / ((System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            ExportRun run = components.exportService().run(new ExportRequest(null, pageSize), pseudonymiser,
                    () -> Long.MAX_VALUE, p -> { });
            s3[r] = run.decided() / ((System.nanoTime() - t1) / 1e9);
            System.out.printf(Locale.ROOT, "run %d: file export %d decided, %.0f/s; S3 export %d decided in %d parts, "
                    + "%.0f/s%n", r + 1, summary.decided(), file[r], run.decided(), run.parts(), s3[r]);
        }
        System.out.printf(Locale.ROOT, "median over %d runs: file export %.0f decided applications/s; S3 export "
                + "(parts of %d) %.0f decided applications/s%n", runs, median(file), pageSize, median(s3));
        Files.deleteIfExists(dir.resolve("decisions.jsonl"));
        Files.deleteIfExists(dir);
    }

    private static void seed(Components components, int n) throws Exception {
        List<HistoricalApplication> decided = new ArrayList<>(n);
        Iterator<HistoricalApplication> log = new SyntheticDecisionLog(17L, n * 2).iterator();
        while (decided.size() < n && log.hasNext()) {
            HistoricalApplication h = log.next();
            if (h.outcome() != Outcome.NO_LICENCE_REQUIRED) {
                decided.add(h);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (HistoricalApplication h : decided) {
                futures.add(pool.submit(() -> {
                    record(components, h);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static void record(Components components, HistoricalApplication h) throws JsonProcessingException {
        components.scoringService().score(Json.mapper().writeValueAsString(h.application()));
        components.decisionService().decide(h.application().applicationId(), Json.mapper().writeValueAsString(Map.of(
                "outcome", h.outcome().name(), "criteria", h.outcome() == Outcome.REFUSED ? List.of("2") : List.of(),
                "rationale", "Assessed.", "officerId", "officer-1")), "officer-1");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int m = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
    }
}
