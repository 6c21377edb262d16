package org.licencerisk.functions.hostile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.licencerisk.functions.decisions.DecisionsHandler;
import org.licencerisk.functions.local.LocalApiServer;
import org.licencerisk.functions.local.LocalAuth;
import org.licencerisk.functions.local.SamTemplate;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Dynalite;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checked-in fuzz corpus ({@code src/test/resources/fuzz/ROUTE/*}: raw request bodies, some not UTF-8) sent to
 * the scoring and decision routes, both as API Gateway events (base64, as API Gateway sends such bodies) and as raw
 * bytes over HTTP to the local server. Every answer is a 4xx problem+json and nothing is stored.
 */
class FuzzCorpusTest {

    private static final Path CORPUS = Dynalite.repositoryRoot().resolve("functions/src/test/resources/fuzz");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CASE_ID = "FC-CASE";

    private static TestStack stack;
    private static LocalApiServer server;
    private static int itemsBefore;

    @BeforeAll
    static void setUp() throws IOException {
        stack = TestStack.create();
        SamTemplate template = SamTemplate.read(Dynalite.repositoryRoot().resolve("template.yaml"));
        server = LocalApiServer.start(template, stack.components(), LocalAuth.from("off", "iss", "aud"), 0);
        TestResponse scored = TestStack.invoke(new ScoresHandler(stack.components()), Events.request("POST",
                ScoresHandler.PATH, Map.of()).jsonBody(Applications.variant(CASE_ID, 2).toString()));
        assertEquals(201, scored.status());
        itemsBefore = stack.items().size();
    }

    @AfterAll
    static void tearDown() {
        server.close();
    }

    static Stream<String> corpus() throws IOException {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(Files::isRegularFile).map(p -> CORPUS.relativize(p).toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyCorpusEntryIsRefusedWithAProblemAndStoresNothing(String entry) throws Exception {
        byte[] body = Files.readAllBytes(CORPUS.resolve(entry));
        boolean decision = entry.startsWith("decision/");
        Events event = decision
                ? Events.request("PUT", DecisionsHandler.PATH, Map.of("applicationId", CASE_ID))
                : Events.request("POST", ScoresHandler.PATH, Map.of());
        TestResponse viaEvent = TestStack.invoke(decision ? new DecisionsHandler(stack.components())
                : new ScoresHandler(stack.components()), event.base64Body(body, "application/json"));
        assertRefused(viaEvent.status(), viaEvent.header("Content-Type"), viaEvent.body().toString());

        String path = decision ? "/v1/applications/" + CASE_ID + "/decision" : "/v1/scores";
        HttpResponse<String> viaHttp = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(decision ? "PUT" : "POST", HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertRefused(viaHttp.statusCode(), viaHttp.headers().firstValue("Content-Type").orElse(null), viaHttp.body());
        assertEquals(viaEvent.status(), viaHttp.statusCode(), "the local server answers as the handler does");

        assertEquals(itemsBefore, stack.items().size(), "a refused request stores nothing");
    }

    private static void assertRefused(int status, String contentType, String body) throws IOException {
        assertTrue(status >= 400 && status < 500, () -> "a 4xx, not " + status + ": " + body);
        assertEquals("application/problem+json", contentType);
        OpenApi.assertValid("Problem", Json.mapper().readTree(body));
    }
}
