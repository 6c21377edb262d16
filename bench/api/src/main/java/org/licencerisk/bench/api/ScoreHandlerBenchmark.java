package org.licencerisk.bench.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.functions.local.LambdaEvents;
import org.licencerisk.functions.local.LocalContext;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.models.HeldOutComparison;
import org.licencerisk.functions.models.ModelRegistry;
import org.licencerisk.functions.models.ModelStatus;
import org.licencerisk.functions.models.PromotionRecord;
import org.licencerisk.functions.models.RegisteredModel;
import org.licencerisk.functions.models.StoredArtifact;
import org.licencerisk.functions.queue.ApplicationCase;
import org.licencerisk.functions.queue.CaseRepository;
import org.licencerisk.functions.queue.QueueEntry;
import org.licencerisk.functions.scores.ScoreRepository;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.scores.ScoringService;
import org.licencerisk.functions.scores.StoredScore;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.scoring.RiskBand;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.functions.artifacts.LocalArtifactStore;
import org.licencerisk.functions.models.ChampionModel;
import org.licencerisk.functions.models.ShadowModels;
import org.licencerisk.functions.scores.ShadowScoring;
import org.licencerisk.functions.shadow.ShadowScore;
import org.licencerisk.functions.shadow.ShadowScoreRepository;
import org.licencerisk.functions.shadow.ShadowScorer;
import org.licencerisk.model.scoring.RiskScorer;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * In-process latency of the {@code POST /v1/scores} handler with storage excluded: the API Gateway event (already
 * deserialised by the runtime) goes through routing, the size and media-type checks, validation, canonical hashing,
 * scoring with the model, the response's JSON and the request's log line (to a discarding stream). The repositories
 * store nothing, so every call scores.
 * <p>
 * {@code java -jar bench/api/target/api-benchmarks.jar ScoreHandlerBenchmark -p modelDir=.local/models/default}
 * <p>
 * {@code shadowModels=1} adds shadow mode: one shadow model (the same artifact, loaded and verified from a
 * local artifact store as a scoring function would) scores every new application after the primary score, and its
 * score item is built and handed to a repository that stores nothing. The shadow PutItem itself is measured apart
 * ({@link ShadowPutCost}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class ScoreHandlerBenchmark {

    private static final int EVENTS = 256;

    /** The model artifact to score with. */
    @Param(".local/models/default")
    public String modelDir;

    /** How many shadow models score alongside the champion: 0 or 1. */
    @Param({"0", "1"})
    public int shadowModels;

    private ScoresHandler handler;
    private APIGatewayV2HTTPEvent[] events;
    private LocalContext context;
    private int next;

    @Setup
    public void setUp() throws IOException {
        StructuredLogger discard = new StructuredLogger(new PrintStream(OutputStream.nullOutputStream()), Clock.systemUTC());
        RiskScorer scorer = ModelArtifact.load(Path.of(modelDir)).scorer();
        List<RegisteredModel> shadows = new ArrayList<>();
        Optional<ArtifactStore> store = Optional.empty();
        if (shadowModels == 1) {
            LocalArtifactStore local = new LocalArtifactStore(Files.createTempDirectory("bench-shadow-artifacts-"));
            StoredArtifact artifact = local.put(Path.of(modelDir));
            Instant at = Instant.now();
            shadows.add(new RegisteredModel(scorer.manifest(), at, "bench", ModelStatus.SHADOW, 0, at, "bench",
                    artifact, null));
            store = Optional.of(local);
        } else if (shadowModels != 0) {
            throw new IllegalArgumentException("shadowModels must be 0 or 1.");
        }
        NoModels models = new NoModels(shadows);
        ShadowModels shadowSet = new ShadowModels(models, store, Duration.ofHours(1), discard);
        shadowSet.check();
        if (shadowSet.current().size() != shadowModels) {
            throw new IllegalStateException("The shadow model did not load.");
        }
        Clock clock = Clock.systemUTC();
        ScoringService service = new ScoringService(new ChampionModel(scorer, models, Optional.empty(),
                Duration.ofHours(1), discard), new NoScores(), new NoCases(),
                clock, shadowModels == 0 ? ShadowScoring.NONE : new ShadowScorer(shadowSet, new NoShadowScores(), clock,
                discard));
        handler = new ScoresHandler(service, discard);
        ObjectNode template;
        try (InputStream in = ScoresHandler.class.getResourceAsStream("priming-application.json")) {
            template = (ObjectNode) Json.mapper().readTree(in);
        }
        events = new APIGatewayV2HTTPEvent[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            ObjectNode app = template.deepCopy();
            app.put("applicationId", "BENCH-" + i);
            ((ObjectNode) app.get("items").get(0)).put("quantity", 1 + i);
            ObjectNode event = Json.mapper().createObjectNode();
            event.put("version", "2.0").put("routeKey", "ANY /v1/scores").put("rawPath", "/v1/scores")
                    .put("body", app.toString()).put("isBase64Encoded", false);
            event.putObject("headers").put("content-type", "application/json");
            ObjectNode rc = event.putObject("requestContext");
            rc.put("requestId", "bench-" + i).putObject("http").put("method", "POST").put("path", "/v1/scores");
            events[i] = LambdaEvents.event(event.toString());
        }
        context = new LocalContext("bench", "ScoresFunction", 1024, Long.MAX_VALUE);
    }

    /** One POST /v1/scores, storage excluded. */
    @Benchmark
    public APIGatewayV2HTTPResponse scoreApplication() {
        APIGatewayV2HTTPEvent event = events[next++ & (EVENTS - 1)];
        APIGatewayV2HTTPResponse response = handler.handleRequest(event, context);
        if (response.getStatusCode() != 201) {
            throw new IllegalStateException("Expected 201, got " + response.getStatusCode() + ": " + response.getBody());
        }
        return response;
    }

    /** Stores nothing: every score is new. */
    static final class NoScores implements ScoreRepository {
        @Override
        public Optional<StoredScore> insertIfAbsent(StoredScore score, String applicationJson) {
            return Optional.empty();
        }

        @Override
        public Optional<StoredScore> find(String applicationId, String scoreId) {
            return Optional.empty();
        }

        @Override
        public Optional<StoredScore> latest(String applicationId) {
            return Optional.empty();
        }

        @Override
        public Page<StoredScore> history(String applicationId, int limit, String cursor) {
            return new Page<>(List.of(), null);
        }
    }

    /** Stores nothing. */
    static final class NoCases implements CaseRepository {
        @Override
        public Optional<ApplicationCase> find(String applicationId) {
            return Optional.empty();
        }

        @Override
        public boolean advanceLatest(StoredScore score) {
            return true;
        }

        @Override
        public boolean markDecided(String applicationId, int revision, String outcome, String decidedAt) {
            return true;
        }

        @Override
        public Page<QueueEntry> queue(RiskBand band, int limit, String cursor) {
            return new Page<>(List.of(), null);
        }

        @Override
        public Page<ApplicationCase> scan(org.licencerisk.functions.queue.CaseState state, int limit, String cursor) {
            return new Page<>(List.of(), null);
        }
    }

    /** Stores nothing: builds the item's values only. */
    static final class NoShadowScores implements ShadowScoreRepository {
        @Override
        public boolean insertIfAbsent(ShadowScore score) {
            return score.pairKey() != null;
        }

        @Override
        public Iterator<ShadowScore> scores(String modelVersion) {
            return Collections.emptyIterator();
        }
    }

    /** Registers nothing; lists the given models (the shadow model, if any). */
    static final class NoModels implements ModelRegistry {
        private final List<RegisteredModel> models;

        NoModels(List<RegisteredModel> models) {
            this.models = List.copyOf(models);
        }

        @Override
        public boolean register(ModelManifest manifest, StoredArtifact artifact, String registeredBy, Instant registeredAt,
                                HeldOutComparison comparison) {
            return true;
        }

        @Override
        public List<RegisteredModel> list() {
            return models;
        }

        @Override
        public Optional<RegisteredModel> find(String modelVersion) {
            return Optional.empty();
        }

        @Override
        public Optional<PromotionRecord> champion() {
            return Optional.empty();
        }

        @Override
        public boolean moveChampion(PromotionRecord next) {
            return true;
        }

        @Override
        public void recordPromotion(PromotionRecord change) {
        }

        @Override
        public void setStatus(String modelVersion, ModelStatus status, long revision, String by, Instant at) {
        }

        @Override
        public List<PromotionRecord> promotions() {
            return List.of();
        }
    }
}
