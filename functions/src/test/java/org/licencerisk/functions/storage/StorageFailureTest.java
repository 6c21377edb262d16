package org.licencerisk.functions.storage;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.queue.QueueHandler;
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
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A throttling or unreachable DynamoDB is a 429 or 503 with Retry-After, and never a 500. */
class StorageFailureTest {

    @Test
    void stoppedDynaliteIs503WithRetryAfter() {
        TestStack stack;
        ScoresHandler scores;
        QueueHandler queue;
        try (Dynalite own = Dynalite.start()) {
            stack = TestStack.at(own.endpoint());
            TableDefinitions.createIfMissing(stack.client(), stack.config().applicationsTable(), stack.config().modelsTable());
            scores = new ScoresHandler(stack.components());
            queue = new QueueHandler(stack.components());
            assertEquals(201, post(scores, "S-DOWN-0").status());
        }
        TestResponse r = post(scores, "S-DOWN-1");
        assertEquals(503, r.status());
        assertEquals("5", r.header("Retry-After"));
        OpenApi.assertValid("Problem", r.body());
        TestResponse q = TestStack.invoke(queue, Events.get(QueueHandler.PATH, Map.of()));
        assertEquals(503, q.status());
        assertFalse(q.body().toString().contains("Exception"));
    }

    @Test
    void throttlingIs429WithRetryAfter() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer throttling = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        throttling.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                    + "\"message\":\"The level of configured provisioned throughput for the table was exceeded.\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        throttling.start();
        try {
            TestStack stack = TestStack.at(URI.create("http://127.0.0.1:" + throttling.getAddress().getPort()));
            TestResponse r = post(new ScoresHandler(stack.components()), "S-THROTTLE-1");
            assertEquals(429, r.status());
            assertEquals("1", r.header("Retry-After"));
            OpenApi.assertValid("Problem", r.body());
            assertTrue(calls.get() >= 2, "the SDK retried before giving up");
        } finally {
            throttling.stop(0);
        }
    }

    private static TestResponse post(ScoresHandler handler, String applicationId) {
        return TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(Applications.variant(applicationId, 1).toString()));
    }
}
