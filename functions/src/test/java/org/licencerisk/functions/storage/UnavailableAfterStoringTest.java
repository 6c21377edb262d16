package org.licencerisk.functions.storage;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Dynalite;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a 503 means, as docs/api.md says: the score may already be stored, and sending the same request again is safe
 * and returns it. DynamoDB fails here between the score's write and the case's update, the worst place.
 */
class UnavailableAfterStoringTest {

    private static final Set<String> NOT_FORWARDED = Set.of("host", "content-length", "connection", "expect");

    @Test
    void theApiDescriptionSaysWhatA503Means() throws Exception {
        String openApi = java.nio.file.Files.readString(Dynalite.repositoryRoot().resolve("openapi.yaml"));
        com.fasterxml.jackson.databind.JsonNode unavailable = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .readTree(openApi).path("components").path("responses").path("Unavailable");
        String description = unavailable.path("description").asText();
        assertTrue(description.contains("a score may already be stored"), description);
        assertTrue(description.contains("sending the same request again") && description.contains("is safe"), description);
        String guide = java.nio.file.Files.readString(Dynalite.repositoryRoot().resolve("docs/api.md"));
        assertTrue(guide.contains("**A `503` does not say that nothing was stored**"));
        assertTrue(guide.contains("sending the same request\nagain is safe and completes it") || guide.contains(
                "sending the same request again is safe and completes it"), "docs/api.md says retrying is safe");
    }

    @Test
    void aScoreStoredBeforeA503IsReturnedByTheRetryAndStoredOnce() throws Exception {
        AtomicBoolean failCaseUpdates = new AtomicBoolean(false);
        HttpClient http = HttpClient.newHttpClient();
        URI dynalite = Dynalite.shared().endpoint();
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(4);
        proxy.setExecutor(threads);
        proxy.createContext("/", exchange -> {
            byte[] request = exchange.getRequestBody().readAllBytes();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            String text = new String(request, StandardCharsets.UTF_8);
            if (failCaseUpdates.get() && target != null && target.endsWith(".UpdateItem")
                    && text.contains("\"applications-")) {
                byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                        + "\"message\":\"Internal server error\"}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders(500, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
                return;
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(dynalite.resolve(exchange.getRequestURI().getPath()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    values.forEach(v -> forward.header(name, v));
                }
            });
            try {
                HttpResponse<byte[]> answer = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                answer.headers().firstValue("Content-Type").ifPresent(v -> exchange.getResponseHeaders().add("Content-Type", v));
                exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
                exchange.getResponseBody().write(answer.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exchange.sendResponseHeaders(502, -1);
            }
            exchange.close();
        });
        proxy.start();
        try {
            TestStack stack = TestStack.create().via(URI.create("http://127.0.0.1:" + proxy.getAddress().getPort()));
            ScoresHandler scores = new ScoresHandler(stack.components());
            String body = Applications.variant("U-503-1", 1).toString();
            assertEquals(201, TestStack.invoke(scores, Events.request("POST", ScoresHandler.PATH, Map.of())
                    .jsonBody(Applications.variant("U-503-0", 1).toString())).status(), "the stack works");

            failCaseUpdates.set(true);
            TestResponse unavailable = TestStack.invoke(scores, Events.request("POST", ScoresHandler.PATH, Map.of())
                    .jsonBody(body));
            assertEquals(503, unavailable.status(), unavailable.body().toString());
            assertEquals("5", unavailable.header("Retry-After"));
            OpenApi.assertValid("Problem", unavailable.body());
            long scoreItems = stack.items().stream().filter(i -> i.get("applicationId").s().equals("U-503-1")
                    && i.get("sk").s().startsWith("SCORE#")).count();
            assertEquals(1, scoreItems, "the score was stored before the 503");

            failCaseUpdates.set(false);
            TestResponse retried = TestStack.invoke(scores, Events.request("POST", ScoresHandler.PATH, Map.of())
                    .jsonBody(body));
            assertEquals(200, retried.status(), "the retry returns the stored score");
            OpenApi.assertValid("Score", retried.body());
            assertEquals(1, stack.items().stream().filter(i -> i.get("applicationId").s().equals("U-503-1")
                    && i.get("sk").s().startsWith("SCORE#")).count(), "and stores nothing twice");
            assertTrue(stack.items().stream().anyMatch(i -> i.get("applicationId").s().equals("U-503-1")
                    && i.get("sk").s().equals("CASE") && i.containsKey("queueBand")),
                    "the retry completed the case: the application is in the queue");
        } finally {
            proxy.stop(0);
            threads.shutdownNow();
        }
    }
}
