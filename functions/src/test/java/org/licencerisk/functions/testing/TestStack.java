package org.licencerisk.functions.testing;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.local.LambdaEvents;
import org.licencerisk.functions.local.LocalContext;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.models.BackgroundChecks;
import org.licencerisk.functions.rescoring.Sleeper;
import org.licencerisk.functions.storage.DynamoDbClientFactory;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.scoring.RiskScorer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fresh tables in the shared dynalite, a client, a clock that ticks one millisecond per reading, captured logs and
 * {@link Components} over them: what a test needs to drive the handlers.
 */
public final class TestStack {

    private final ApiConfig config;
    private final DynamoDbClient client;
    private final Components components;
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final ApiConfig readerConfig;
    private DynamoDbClient reader;

    private TestStack(URI endpoint, RiskScorer scorer, boolean createTables) {
        this(endpoint, scorer, createTables, Map.of(), BackgroundChecks.daemonThreads(), Sleeper.system());
    }

    private TestStack(URI endpoint, RiskScorer scorer, boolean createTables, Map<String, String> environment,
                      BackgroundChecks background, Sleeper sleeper) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> env = new java.util.HashMap<>(environment);
        // Re-scoring jobs end without a sweep unless a test asks for one (no lagging scoring functions here).
        env.putIfAbsent(ApiConfig.RESCORE_SETTLE_SECONDS, "0");
        env.putIfAbsent(ApiConfig.APPLICATIONS_TABLE, "applications-" + suffix);
        env.putIfAbsent(ApiConfig.MODELS_TABLE, "models-" + suffix);
        env.putIfAbsent(ApiConfig.SHADOW_SCORES_TABLE, "shadow-" + suffix);
        env.putIfAbsent(ApiConfig.DYNAMODB_TIMEOUT_MS, "1500");
        env.put(ApiConfig.DYNAMODB_ENDPOINT, endpoint.toString());
        this.config = ApiConfig.from(env);
        Map<String, String> patient = new java.util.HashMap<>(env);
        patient.put(ApiConfig.DYNAMODB_TIMEOUT_MS, "60000");
        this.readerConfig = ApiConfig.from(patient);
        this.client = DynamoDbClientFactory.create(config);
        if (createTables) {
            TableDefinitions.createIfMissing(client, List.of(TableDefinitions.applications(config.applicationsTable()),
                    TableDefinitions.models(config.modelsTable()),
                    TableDefinitions.shadowScores(config.shadowScoresTable())));
        }
        StructuredLogger logger = new StructuredLogger(new PrintStream(logs, true, StandardCharsets.UTF_8), Clock.systemUTC());
        this.components = Components.of(config, client, scorer, new TickingClock(), logger, background, sleeper);
    }

    /** A stack on the shared dynalite with the test model. */
    public static TestStack create() {
        return new TestStack(Dynalite.shared().endpoint(), TestModel.scorer(), true);
    }

    /** A stack on the shared dynalite with another scorer. */
    public static TestStack create(RiskScorer scorer) {
        return new TestStack(Dynalite.shared().endpoint(), scorer, true);
    }

    /** A stack on the shared dynalite with the test model and further configuration (e.g. an artifact directory). */
    public static TestStack withEnvironment(Map<String, String> environment) {
        return new TestStack(Dynalite.shared().endpoint(), TestModel.scorer(), true, environment,
                BackgroundChecks.daemonThreads(), Sleeper.system());
    }

    /**
     * The same, with the checks that follow the registry (champion, shadow models) timed and run by {@code time}: they
     * run when the test calls {@link ManualTime#runPending()}; a re-scoring job's wait for its sweep advances it.
     */
    public static TestStack withEnvironment(Map<String, String> environment, ManualTime time) {
        return new TestStack(Dynalite.shared().endpoint(), TestModel.scorer(), true, environment, time.background(),
                time);
    }

    /** A stack on any endpoint, creating no tables (for failure tests). */
    public static TestStack at(URI endpoint) {
        return new TestStack(endpoint, TestModel.scorer(), false);
    }

    /** A stack on the same tables reached through another endpoint (e.g. a proxy that injects failures). */
    public TestStack via(URI endpoint) {
        // A proxy adds a hop: a longer timeout, so that only the failures it injects fail.
        return new TestStack(endpoint, TestModel.scorer(), false, Map.of(ApiConfig.APPLICATIONS_TABLE,
                config.applicationsTable(), ApiConfig.MODELS_TABLE, config.modelsTable(), ApiConfig.SHADOW_SCORES_TABLE,
                config.shadowScoresTable(), ApiConfig.DYNAMODB_TIMEOUT_MS, "5000"), BackgroundChecks.daemonThreads(),
                Sleeper.system());
    }

    /** The components. */
    public Components components() {
        return components;
    }

    /** The configuration. */
    public ApiConfig config() {
        return config;
    }

    /** The client. */
    public DynamoDbClient client() {
        return client;
    }

    /** Every log line written so far. */
    public String logs() {
        return logs.toString(StandardCharsets.UTF_8);
    }

    /**
     * A client with a long call timeout for the tests' own reads of what was stored (the stack's client fails fast,
     * as the functions do; a busy machine must not fail the check of an outcome).
     */
    private synchronized DynamoDbClient reader() {
        if (reader == null) {
            reader = DynamoDbClientFactory.create(readerConfig);
        }
        return reader;
    }

    /** Every item of the shadow scores table. */
    public List<Map<String, AttributeValue>> shadowItems() {
        return reader().scanPaginator(b -> b.tableName(config.shadowScoresTable()).consistentRead(true)).items()
                .stream().toList();
    }

    /** Every item of the applications table. */
    public List<Map<String, AttributeValue>> items() {
        return reader().scanPaginator(b -> b.tableName(config.applicationsTable()).consistentRead(true)).items()
                .stream().toList();
    }

    /** Invokes a handler the way Lambda does and returns the response after the runtime's serialisation. */
    public static TestResponse invoke(RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
                                      Events event) {
        APIGatewayV2HTTPResponse response = handler.handleRequest(event.build(),
                new LocalContext(UUID.randomUUID().toString(), "test", 1024, System.nanoTime() + 10_000_000_000L));
        try {
            JsonNode wire = Json.mapper().readTree(LambdaEvents.response(response));
            return new TestResponse(wire.get("statusCode").asInt(), response.getHeaders(),
                    Json.mapper().readTree(wire.get("body").asText()));
        } catch (IOException e) {
            throw new IllegalStateException("A handler returned a body that is not JSON.", e);
        }
    }

    /** A clock that advances one millisecond each time it is read, so that scores never share a time. */
    private static final class TickingClock extends Clock {
        private final AtomicLong millis = new AtomicLong(Instant.parse("2026-11-29T09:00:00Z").toEpochMilli());

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.incrementAndGet());
        }
    }
}
