package org.licencerisk.functions.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.model.json.Json;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

import java.io.IOException;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Serves the Lambda handlers of {@code template.yaml} over HTTP on 127.0.0.1, as API Gateway and Lambda would:
 * routes come from the template, each request becomes an HTTP API (payload 2.0) event through the Lambda runtime's
 * serialization, and each response goes back through it. One {@link Components} serves every function, so the model
 * is loaded and the DynamoDB client built once.
 * <p>
 * Started by {@code scripts/local-api}, which passes everything as arguments:
 * {@code --template FILE --port N --dynamodb-endpoint URL --model-dir DIR [--auth off|on] [--jwt-issuer I]
 * [--jwt-audience A] [--threads N] [--rescore-check-seconds N] [--console-dir DIR] [--seed-denials FILE.jsonl]}. With {@code --console-dir}, the
 * officers' console is served under {@code /console/} ({@link ConsoleFiles}). Where AWS starts the {@code RescoreFunction} from the
 * models table's stream, which dynalite lacks, the local server runs a {@link PointerWatcher} instead (every
 * {@code --rescore-check-seconds}, default 5; 0 turns it off).
 */
public final class LocalApiServer implements AutoCloseable {

    private static final int DEFAULT_THREADS = 32;
    /** Who the audit record of a first champion set at the local server's start-up names. */
    private static final String LOCAL_SERVER = "local-server";
    /** In-memory scoring rounds before the port opens: enough for the first requests, little start-up time. */
    private static final int PRIMING_ROUNDS = 50;

    private final LocalRouter router;
    private final LocalAuth auth;
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;
    private final Map<String, SamTemplate.Function> functions;
    private final StructuredLogger log;
    private final Map<String, String> openClaims;
    private final ApiConfig config;
    private volatile LocalHttpServer server;
    private volatile ConsoleFiles console;

    private LocalApiServer(SamTemplate template, Components components, LocalAuth auth) {
        this.auth = auth;
        this.config = components.config();
        this.log = components.logger();
        this.openClaims = LocalAuth.openClaims(components.config());
        this.router = new LocalRouter(template);
        this.handlers = new HashMap<>();
        this.functions = new HashMap<>();
        for (SamTemplate.Function f : template.functions()) {
            if (f.routes().isEmpty()) {
                continue; // not behind the API (the retraining function)
            }
            handlers.put(f.logicalId(), instantiate(f.handler(), components));
            functions.put(f.logicalId(), f);
        }
    }

    private LocalApiServer listen(int port, int threads, HttpLimits limits) throws IOException {
        this.server = LocalHttpServer.start(port, threads, limits, this::answer);
        return this;
    }

    /**
     * Starts a server.
     *
     * @param template   the SAM template
     * @param components the components every function shares
     * @param auth       local authentication
     * @param port       the port on 127.0.0.1, 0 for any free one
     */
    public static LocalApiServer start(SamTemplate template, Components components, LocalAuth auth, int port)
            throws IOException {
        return start(template, components, auth, port, DEFAULT_THREADS);
    }

    /**
     * Starts a server with {@code threads} request threads, after registering the model it serves and, when the
     * registry has no champion yet, making that model the first one.
     */
    public static LocalApiServer start(SamTemplate template, Components components, LocalAuth auth, int port,
                                       int threads) throws IOException {
        return start(template, components, auth, port, threads, HttpLimits.GATEWAY);
    }

    /** Starts a server with its own HTTP limits (tests). */
    static LocalApiServer start(SamTemplate template, Components components, LocalAuth auth, int port, int threads,
                                HttpLimits limits) throws IOException {
        initialiseChampion(components);
        return new LocalApiServer(template, components, auth).listen(port, threads, limits);
    }

    /** Serves the officers' console from {@code siteDir} under {@code /console/} ({@link ConsoleFiles}). */
    public void serveConsole(Path siteDir) {
        serveConsole(new ConsoleFiles(siteDir, config, auth));
    }

    /** Serves the officers' console under {@code /console/} with the given files and sign-in. */
    public void serveConsole(ConsoleFiles files) {
        this.console = files;
    }

    /** The configuration the functions share (the scopes the console's sign-in offers). */
    public ApiConfig config() {
        return config;
    }

    /** The port it listens on (0 before it listens). */
    public int port() {
        LocalHttpServer s = server;
        return s == null ? 0 : s.port();
    }

    @Override
    public void close() {
        LocalHttpServer s = server;
        if (s != null) {
            s.close();
        }
    }

    /**
     * Does before the port opens what the first requests would otherwise pay for: registers the bundled model (a
     * DynamoDB write that also opens the client's first connection), scores the made-up priming application in memory
     * a few times, and answers a read-only request ({@code GET /v1/models}) through the whole path of event
     * serialization, handler and DynamoDB query. No application is read or stored.
     */
    void prime() {
        try {
            for (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> h : handlers.values()) {
                if (h instanceof ScoresHandler scores) {
                    scores.prime(PRIMING_ROUNDS);
                }
            }
            answer(new LocalRequest("GET", "/v1/models", null, Map.of(), new byte[0], "127.0.0.1", "HTTP/1.1"));
        } catch (RuntimeException e) {
            // Priming only saves the first requests time: a store that is slow to answer now is no reason not to serve.
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("exception", e.getClass().getName());
            log.log(StructuredLogger.Level.WARN, null, "priming_incomplete", fields);
        }
    }

    /** Runs the server until the process is stopped. */
    public static void main(String[] args) throws IOException {
        long startNanos = System.nanoTime();
        Map<String, String> options = options(args);
        Path templateFile = Path.of(options.getOrDefault("template", "template.yaml"));
        SamTemplate template = SamTemplate.read(templateFile);
        ApiConfig config = ApiConfig.from(environment(template, options));
        Components components = Components.create(config);
        long templateMs = (System.nanoTime() - startNanos) / 1_000_000;
        // The model and the Lambda serialization load on the second core while the client is built and the tables are
        // described (and created only when missing).
        CompletableFuture<?> model = CompletableFuture.runAsync(components::scorer);
        CompletableFuture<?> serialization = CompletableFuture.runAsync(LambdaEvents::prepare);
        List<CreateTableRequest> tables = new ArrayList<>(List.of(TableDefinitions.applications(config.applicationsTable()),
                TableDefinitions.models(config.modelsTable())));
        if (config.shadowScoresTable() != null) {
            tables.add(TableDefinitions.shadowScores(config.shadowScoresTable()));
        }
        if (config.denialsTable() != null) {
            tables.add(TableDefinitions.denials(config.denialsTable()));
        }
        TableDefinitions.createIfMissing(components.dynamoDb(), tables);
        if (options.get("seed-denials") != null) {
            LocalDenialSeed.seedIfEmpty(components, Path.of(options.get("seed-denials")));
        }
        long tablesMs = (System.nanoTime() - startNanos) / 1_000_000;
        model.join();
        serialization.join();
        LocalAuth auth = LocalAuth.from(options.getOrDefault("auth", "off"),
                options.getOrDefault("jwt-issuer", LocalAuth.DEFAULT_ISSUER),
                options.getOrDefault("jwt-audience", LocalAuth.DEFAULT_AUDIENCE));
        LocalApiServer server = new LocalApiServer(template, components, auth);
        if (options.get("console-dir") != null) {
            server.serveConsole(Path.of(options.get("console-dir")));
        }
        server.prime();
        long primedMs = (System.nanoTime() - startNanos) / 1_000_000;
        int port = Integer.parseInt(options.getOrDefault("port", "3000"));
        try {
            server.listen(port, Integer.parseInt(options.getOrDefault("threads", Integer.toString(DEFAULT_THREADS))),
                    HttpLimits.GATEWAY);
        } catch (BindException e) {
            System.err.println("local-api: port " + port + " on 127.0.0.1 is in use (another local stack?); "
                    + "set PORT to a free port.");
            System.exit(2);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        long rescoreCheck = Long.parseLong(options.getOrDefault("rescore-check-seconds", "5"));
        if (rescoreCheck > 0) {
            PointerWatcher watcher = PointerWatcher.start(components, Duration.ofSeconds(rescoreCheck));
            Runtime.getRuntime().addShutdownHook(new Thread(watcher::close));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("url", "http://127.0.0.1:" + server.port());
        fields.put("auth", auth.enabled() ? "on" : "off");
        if (options.get("console-dir") != null) {
            fields.put("console", "http://127.0.0.1:" + server.port() + ConsoleFiles.PREFIX + "/");
        }
        fields.put("functions", template.functions().size());
        fields.put("rescoreCheckSeconds", rescoreCheck);
        fields.put("templateReadMs", templateMs);
        fields.put("clientAndTablesReadyMs", tablesMs);
        fields.put("primedMs", primedMs);
        fields.put("startupMs", (System.nanoTime() - startNanos) / 1_000_000);
        components.logger().log(StructuredLogger.Level.INFO, null, "local_api_listening", fields);
    }

    /**
     * Registers the model the local server serves and, when the registry has no champion yet, makes it the first one
     * (in AWS the scoring function only registers it, and the first promotion makes it champion).
     */
    private static void initialiseChampion(Components components) {
        components.scoringService().registerModel();
        components.promotionService().initialise(components.scorer().manifest().modelVersion(), LOCAL_SERVER);
    }

    /** The environment a function would get: the template's variables, table refs mapped to local table names. */
    static Map<String, String> environment(SamTemplate template, Map<String, String> options) {
        Map<String, String> env = new HashMap<>();
        for (SamTemplate.Function f : template.functions()) {
            env.putAll(f.environment());
        }
        env.put(ApiConfig.APPLICATIONS_TABLE, localTable(env.get(ApiConfig.APPLICATIONS_TABLE)));
        env.put(ApiConfig.MODELS_TABLE, localTable(env.get(ApiConfig.MODELS_TABLE)));
        if (env.get(ApiConfig.SHADOW_SCORES_TABLE) != null) {
            env.put(ApiConfig.SHADOW_SCORES_TABLE, localTable(env.get(ApiConfig.SHADOW_SCORES_TABLE)));
        }
        if (env.get(ApiConfig.DENIALS_TABLE) != null) {
            env.put(ApiConfig.DENIALS_TABLE, localTable(env.get(ApiConfig.DENIALS_TABLE)));
        }
        env.put(ApiConfig.DYNAMODB_ENDPOINT, require(options, "dynamodb-endpoint"));
        env.put(ApiConfig.MODEL_DIR, require(options, "model-dir"));
        // Locally, artifacts live in a directory (--artifact-dir), never in the template's bucket.
        env.remove(ApiConfig.ARTIFACT_BUCKET);
        // The local server neither retrains nor exports: the template's secret and export bucket are AWS resources.
        env.remove(ApiConfig.PSEUDONYMISATION_SECRET_ARN);
        env.remove(ApiConfig.EXPORT_BUCKET);
        if (options.get("artifact-dir") != null) {
            env.put(ApiConfig.ARTIFACT_DIR, options.get("artifact-dir"));
        }
        return env;
    }

    private static String localTable(String logicalId) {
        return "local-" + logicalId;
    }

    private static String require(Map<String, String> options, String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("The option --" + name + " is required.");
        }
        return v;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Arguments come in pairs such as --port 3000; found '" + args[i] + "'.");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    @SuppressWarnings("unchecked")
    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> instantiate(String className,
                                                                                            Components components) {
        try {
            return (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>) Class.forName(className)
                    .getConstructor(Components.class).newInstance(components);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("The template's handler " + className
                    + " cannot be built from Components.", e);
        }
    }

    /**
     * Answers one complete request as API Gateway and Lambda would: the gateway's own errors (404, 401/403 from the
     * authorisers, 400 for a malformed path or query) as problem+json, else the handler's response.
     */
    LocalResponse answer(LocalRequest request) {
        ConsoleFiles site = console;
        if (site != null && ConsoleFiles.serves(request.rawPath())) {
            return site.answer(request);
        }
        try {
            LocalRouter.Match match;
            try {
                match = router.match(request.rawPath());
            } catch (IllegalArgumentException e) {
                return LocalResponse.problem(400, "The path has an invalid percent-encoding.");
            }
            if (match == null) {
                return LocalResponse.problem(404, "Not Found");
            }
            LocalAuth.Outcome authorised = auth.authorise(match.route(), request.header("authorization"), openClaims);
            if (authorised.status() != 0) {
                return LocalResponse.problem(authorised.status(), authorised.message());
            }
            String requestId = UUID.randomUUID().toString();
            String eventJson;
            try {
                eventJson = LocalEvents.toJson(request, match, authorised, requestId, port());
            } catch (IllegalArgumentException e) {
                return LocalResponse.problem(400, "The query string has an invalid percent-encoding.");
            }
            APIGatewayV2HTTPEvent event = LambdaEvents.event(eventJson);
            SamTemplate.Function f = functions.get(match.functionId());
            APIGatewayV2HTTPResponse response = handlers.get(match.functionId()).handleRequest(event,
                    new LocalContext(requestId, f.logicalId(), f.memoryMb(),
                            System.nanoTime() + f.timeoutSec() * 1_000_000_000L));
            return toLocalResponse(Json.mapper().readTree(LambdaEvents.response(response)));
        } catch (IOException | RuntimeException e) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("exception", e.getClass().getName());
            log.log(StructuredLogger.Level.ERROR, null, "local_gateway_error", fields);
            return LocalResponse.problem(500, "Internal Server Error");
        }
    }

    /** A Lambda response as API Gateway sends it: status, headers, cookies and the (possibly base64) body. */
    private static LocalResponse toLocalResponse(JsonNode response) {
        int status = response.path("statusCode").asInt(500);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.path("headers").fields().forEachRemaining(h -> headers.add(Map.entry(h.getKey(), h.getValue().asText())));
        response.path("multiValueHeaders").fields().forEachRemaining(h -> h.getValue()
                .forEach(v -> headers.add(Map.entry(h.getKey(), v.asText()))));
        response.path("cookies").forEach(c -> headers.add(Map.entry("Set-Cookie", c.asText())));
        String text = response.path("body").asText("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean()
                ? java.util.Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        return new LocalResponse(status, headers, bytes);
    }

    /** Lists the template's routes (for the start-up message and tests). */
    public List<String> routes() {
        List<String> out = new ArrayList<>();
        functions.values().forEach(f -> f.routes().forEach(r -> out.add(r.method() + " " + r.path() + " -> " + f.logicalId())));
        return out;
    }
}
