package org.licencerisk.functions.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the Lambda handlers of {@code template.yaml} over HTTP on 127.0.0.1, as API Gateway and Lambda would:
 * routes come from the template, each request becomes an HTTP API (payload 2.0) event through the Lambda runtime's
 * serialization, and each response goes back through it. One {@link Components} serves every function, so the model
 * is loaded and the DynamoDB client built once.
 * <p>
 * Started by {@code scripts/local-api}, which passes everything as arguments:
 * {@code --template FILE --port N --dynamodb-endpoint URL --model-dir DIR [--auth off|on] [--jwt-issuer I]
 * [--jwt-audience A] [--threads N] [--rescore-check-seconds N]}. Where AWS starts the {@code RescoreFunction} from the
 * models table's stream, which dynalite lacks, the local server runs a {@link PointerWatcher} instead (every
 * {@code --rescore-check-seconds}, default 5; 0 turns it off).
 */
public final class LocalApiServer implements AutoCloseable {

    /** The largest body API Gateway HTTP APIs accept. */
    static final int MAX_GATEWAY_BODY = 10 * 1024 * 1024;
    private static final int DEFAULT_THREADS = 32;
    /** Who the audit record of a first champion set at the local server's start-up names. */
    private static final String LOCAL_SERVER = "local-server";

    private final LocalRouter router;
    private final LocalAuth auth;
    private final Map<String, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;
    private final Map<String, SamTemplate.Function> functions;
    private final HttpServer server;
    private final ExecutorService executor;
    private final StructuredLogger log;
    private final Map<String, String> openClaims;

    private LocalApiServer(SamTemplate template, Components components, LocalAuth auth, int port, int threads)
            throws IOException {
        this.auth = auth;
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
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        this.executor = Executors.newFixedThreadPool(threads);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
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
        initialiseChampion(components);
        LocalApiServer s = new LocalApiServer(template, components, auth, port, threads);
        s.server.start();
        return s;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
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
        // The model loads on the second core while the client is built and the tables are checked.
        CompletableFuture<?> model = CompletableFuture.runAsync(components::scorer);
        TableDefinitions.createIfMissing(components.dynamoDb(), config.applicationsTable(), config.modelsTable());
        if (config.shadowScoresTable() != null) {
            TableDefinitions.createIfMissing(components.dynamoDb(),
                    List.of(TableDefinitions.shadowScores(config.shadowScoresTable())));
        }
        long tablesMs = (System.nanoTime() - startNanos) / 1_000_000;
        model.join();
        LocalAuth auth = LocalAuth.from(options.getOrDefault("auth", "off"),
                options.getOrDefault("jwt-issuer", LocalAuth.DEFAULT_ISSUER),
                options.getOrDefault("jwt-audience", LocalAuth.DEFAULT_AUDIENCE));
        LocalApiServer server = start(template, components, auth, Integer.parseInt(options.getOrDefault("port", "3000")),
                Integer.parseInt(options.getOrDefault("threads", Integer.toString(DEFAULT_THREADS))));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        long rescoreCheck = Long.parseLong(options.getOrDefault("rescore-check-seconds", "5"));
        if (rescoreCheck > 0) {
            PointerWatcher watcher = PointerWatcher.start(components, Duration.ofSeconds(rescoreCheck));
            Runtime.getRuntime().addShutdownHook(new Thread(watcher::close));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("url", "http://127.0.0.1:" + server.port());
        fields.put("auth", auth.enabled() ? "on" : "off");
        fields.put("functions", template.functions().size());
        fields.put("rescoreCheckSeconds", rescoreCheck);
        fields.put("templateReadMs", templateMs);
        fields.put("clientAndTablesReadyMs", tablesMs);
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

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String rawPath = exchange.getRequestURI().getRawPath();
            LocalRouter.Match match = router.match(rawPath);
            if (match == null) {
                gatewayError(exchange, 404, "Not Found");
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_GATEWAY_BODY + 1);
            }
            if (body.length > MAX_GATEWAY_BODY) {
                gatewayError(exchange, 413, "Request Entity Too Large");
                return;
            }
            LocalAuth.Outcome authorised = auth.authorise(match.route(),
                    exchange.getRequestHeaders().getFirst("Authorization"), openClaims);
            if (authorised.status() != 0) {
                gatewayError(exchange, authorised.status(), authorised.message());
                return;
            }
            String requestId = UUID.randomUUID().toString();
            String eventJson = LocalEvents.toJson(exchange, rawPath, match, body, authorised, requestId, port());
            APIGatewayV2HTTPEvent event = LambdaEvents.event(eventJson);
            SamTemplate.Function f = functions.get(match.functionId());
            APIGatewayV2HTTPResponse response = handlers.get(match.functionId()).handleRequest(event,
                    new LocalContext(requestId, f.logicalId(), f.memoryMb(),
                            System.nanoTime() + f.timeoutSec() * 1_000_000_000L));
            write(exchange, Json.mapper().readTree(LambdaEvents.response(response)));
        } catch (RuntimeException e) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("exception", e.getClass().getName());
            log.log(StructuredLogger.Level.ERROR, null, "local_gateway_error", fields);
            gatewayError(exchange, 500, "Internal Server Error");
        }
    }

    /** Writes a Lambda response as API Gateway does: status, headers, cookies and the (possibly base64) body. */
    private static void write(HttpExchange exchange, JsonNode response) throws IOException {
        int status = response.path("statusCode").asInt(500);
        response.path("headers").fields().forEachRemaining(h -> exchange.getResponseHeaders().add(h.getKey(), h.getValue().asText()));
        response.path("multiValueHeaders").fields().forEachRemaining(h -> h.getValue()
                .forEach(v -> exchange.getResponseHeaders().add(h.getKey(), v.asText())));
        response.path("cookies").forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c.asText()));
        String text = response.path("body").asText("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean()
                ? java.util.Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** API Gateway's own error answers, before any function runs: {@code {"message": "..."}}. */
    private static void gatewayError(HttpExchange exchange, int status, String message) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(Map.of("message", message));
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Lists the template's routes (for the start-up message and tests). */
    public List<String> routes() {
        List<String> out = new ArrayList<>();
        functions.values().forEach(f -> f.routes().forEach(r -> out.add(r.method() + " " + r.path() + " -> " + f.logicalId())));
        return out;
    }
}
