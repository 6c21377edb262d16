package org.licencerisk.bench.api;

import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.models.PromotionRequest;
import org.licencerisk.functions.models.VerifiedModels;
import org.licencerisk.functions.rescoring.RescoreRun;
import org.licencerisk.functions.rescoring.RescoreService;
import org.licencerisk.functions.rescoring.TimeBudget;
import org.licencerisk.functions.scores.DynamoDbScoreRepository;
import org.licencerisk.functions.scores.ScoringService;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;
import org.licencerisk.model.training.DefaultModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Re-scoring throughput against a DynamoDB-compatible server: per run, fresh tables, {@code N} undecided applications
 * scored by a bundled model (4 threads), a challenger promoted, then one {@link RescoreService} run to the end, timed.
 * Prints each run and the median of the re-scoring rates.
 * <p>
 * {@code java -cp bench/api/target/api-benchmarks.jar org.licencerisk.bench.api.RescoreThroughput PORT N RUNS PAGE}
 */
public final class RescoreThroughput {

    private RescoreThroughput() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("Usage: RescoreThroughput PORT APPLICATIONS RUNS PAGE_SIZE");
        }
        int port = Integer.parseInt(args[0]);
        int applications = Integer.parseInt(args[1]);
        int runs = Integer.parseInt(args[2]);
        int pageSize = Integer.parseInt(args[3]);
        Path work = Files.createTempDirectory("rescore-bench-");
        Path bundled = work.resolve("bundled");
        Path challenger = work.resolve("challenger");
        DefaultModel.trainSynthetic(bundled, 4_000, 1L);
        DefaultModel.trainSynthetic(challenger, 2_000, 7L);
        List<String> bodies = new ArrayList<>(applications);
        new SyntheticDecisionLog(20261129L, applications).generate().map(HistoricalApplication::application)
                .forEach(a -> bodies.add(Json.write(a)));
        List<Double> rates = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            rates.add(once(run, port, work, bundled, challenger, bodies, pageSize));
        }
        List<Double> sorted = rates.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "median of %d runs: %.0f applications/s re-scored (N=%d, page %d)%n", runs,
                sorted.get(sorted.size() / 2), applications, pageSize);
    }

    private static double once(int run, int port, Path work, Path bundled, Path challenger, List<String> bodies,
                               int pageSize) throws Exception {
        String suffix = run + "-" + System.nanoTime();
        ApiConfig config = ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, "rescore-apps-" + suffix,
                ApiConfig.MODELS_TABLE, "rescore-models-" + suffix,
                ApiConfig.DYNAMODB_ENDPOINT, "http://127.0.0.1:" + port,
                ApiConfig.MODEL_DIR, bundled.toString(),
                ApiConfig.ARTIFACT_DIR, work.resolve("artifacts-" + suffix).toString(),
                ApiConfig.DYNAMODB_TIMEOUT_MS, "10000"));
        Components components = Components.create(config);
        TableDefinitions.createIfMissing(components.dynamoDb(), config.applicationsTable(), config.modelsTable());
        ScoringService scoring = components.scoringService();
        long seedStart = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (String body : bodies) {
            done.add(pool.submit(() -> scoring.score(body)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        double seedSeconds = (System.nanoTime() - seedStart) / 1e9;

        String version = ModelArtifact.load(challenger).manifest().modelVersion();
        components.registry().register(ModelArtifact.load(challenger).manifest(),
                components.requireArtifactStore().put(challenger), "bench", Instant.now());
        components.promotionService().promote(version, "bench", new PromotionRequest(true, "Re-scoring benchmark."));
        DynamoDbScoreRepository scores = new DynamoDbScoreRepository(components.dynamoDb(), config.applicationsTable());
        RescoreService service = new RescoreService(components.registry(),
                new VerifiedModels(components.scorer(), components.registry(), components.artifactStore()),
                components.cases(), scores, scores::applications, components.jobStore(), Clock.systemUTC(), pageSize);
        long start = System.nanoTime();
        RescoreRun result = service.run(TimeBudget.unlimited(), p -> { });
        double seconds = (System.nanoTime() - start) / 1e9;
        long rescored = result.checkpoint().count(RescoreService.RESCORED);
        if (result.stop() != RescoreRun.Stop.COMPLETE || rescored != bodies.size()) {
            throw new IllegalStateException("Run " + run + " ended " + result.stop() + " with " + rescored
                    + " re-scored of " + bodies.size() + ".");
        }
        double rate = rescored / seconds;
        System.out.printf(Locale.ROOT, "run %d: seeded %d in %.1f s; re-scored %d in %.1f s = %.0f/s (%d checkpoints)%n",
                run, bodies.size(), seedSeconds, rescored, seconds, rate, result.checkpoint().sequence());
        return rate;
    }
}
