package org.licencerisk.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.local.ConsoleFiles;
import org.licencerisk.functions.local.LocalApiServer;
import org.licencerisk.functions.local.LocalAuth;
import org.licencerisk.functions.local.SamTemplate;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Dynalite;
import org.licencerisk.functions.testing.LocalTokens;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A local stack for one test: its own tables on the shared dynalite, the local API server with local authentication
 * on (as {@code LOCAL_AUTH=on scripts/local-api} runs it) serving the console from {@code console/site}, and a few
 * scored applications.
 */
final class ConsoleStack implements AutoCloseable {

    static final String ISSUER = LocalAuth.DEFAULT_ISSUER;
    static final String AUDIENCE = LocalAuth.DEFAULT_AUDIENCE;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestStack stack;
    private final LocalApiServer server;

    private ConsoleStack(TestStack stack, LocalApiServer server) {
        this.stack = stack;
        this.server = server;
    }

    /** Starts a stack and scores {@code applications} applications (the two samples and variants of them). */
    static ConsoleStack start(int applications) {
        return start(applications, null);
    }

    /** Starts a stack whose console signs in as {@code console} says (local identities when {@code null}). */
    static ConsoleStack start(int applications, Function<LocalApiServer, ConsoleFiles> console) {
        try {
            TestStack stack = TestStack.withEnvironment(Map.of(ApiConfig.DYNAMODB_TIMEOUT_MS, "10000"));
            Path root = Dynalite.repositoryRoot();
            LocalApiServer server = LocalApiServer.start(SamTemplate.read(root.resolve("template.yaml")), stack.components(),
                    LocalAuth.from("on", ISSUER, AUDIENCE), 0);
            if (console == null) {
                server.serveConsole(root.resolve("console/site"));
            } else {
                server.serveConsole(console.apply(server));
            }
            ConsoleStack s = new ConsoleStack(stack, server);
            List<ObjectNode> apps = new ArrayList<>();
            apps.add(Applications.surveillance());
            apps.add(Applications.crypto());
            for (int n = 1; apps.size() < applications; n++) {
                apps.add(Applications.variant(String.format("NL-2026-%06d", 500 + n), n));
            }
            for (ObjectNode a : apps.subList(0, applications)) {
                HttpResponse<String> r = s.send("POST", "/v1/scores", a.toString(), LocalTokens.SIGNED);
                if (r.statusCode() != 201) {
                    throw new IllegalStateException("Scoring a test application answered " + r.statusCode());
                }
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console's address. */
    String console() {
        return "http://127.0.0.1:" + server.port() + "/console/";
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    TestStack stack() {
        return stack;
    }

    /** A bearer token for {@code subject} with {@code roles}. */
    static String bearer(String subject, String... roles) {
        return "Bearer " + LocalTokens.tokenFor(subject, ISSUER, AUDIENCE, roles);
    }

    /** Calls the API. */
    HttpResponse<String> send(String method, String path, String body, String authorization) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", authorization);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The application ids of the queue, riskiest first, as an officer reads them from the API. */
    List<String> queue() {
        HttpResponse<String> r = send("GET", "/v1/queue?limit=100", null, bearer("officer-1", LocalTokens.OFFICER));
        try {
            List<String> ids = new ArrayList<>();
            for (JsonNode e : Json.mapper().readTree(r.body()).path("items")) {
                ids.add(e.path("applicationId").asText());
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
