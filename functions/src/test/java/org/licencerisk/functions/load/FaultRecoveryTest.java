package org.licencerisk.functions.load;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.local.LocalApiServer;
import org.licencerisk.functions.local.LocalAuth;
import org.licencerisk.functions.local.SamTemplate;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Dynalite;
import org.licencerisk.functions.testing.TestStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The DynamoDB server dies (SIGKILL) in the middle of a load through the local server and comes back on the same port
 * with the same data directory {@code fault.seconds} later (3 by default): while it is down every answer is a 503 with
 * {@code Retry-After}, nothing acknowledged is lost, the API serves again without a restart, and once clients have
 * retried their 503s every score has its case naming the latest score. How fast the 503s come and how soon it
 * recovers are printed for BENCHMARKS.md, not asserted.
 */
class FaultRecoveryTest {

    private static final int CLIENTS = 8;
    private static final long FAULT_MS = Long.getLong("fault.seconds", 3) * 1000;

    @Test
    void anOutageIs503WithRetryAfterFastAndTheApiRecoversByItself(@TempDir Path data) throws Exception {
        int port = Dynalite.freePort();
        Dynalite dynamo = Dynalite.start(port, data);
        TestStack stack = TestStack.at(URI.create("http://127.0.0.1:" + port));
        TableDefinitions.createIfMissing(stack.client(), stack.config().applicationsTable(), stack.config().modelsTable());
        SamTemplate template = SamTemplate.read(Dynalite.repositoryRoot().resolve("template.yaml"));
        HttpClient http = HttpClient.newHttpClient();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicLong slowest503 = new AtomicLong();
        List<String> problems = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        // Counted down by acknowledged scores: first while dynalite is up, then after it has been restarted.
        CountDownLatch servingBefore = new CountDownLatch(CLIENTS);
        AtomicReference<CountDownLatch> servingAfter = new AtomicReference<>(new CountDownLatch(0));

        try (LocalApiServer server = LocalApiServer.start(template, stack.components(), LocalAuth.from("off", "i", "a"), 0)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/scores");
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    while (!stop.get()) {
                        String id = "FAULT-" + next.getAndIncrement();
                        long t = System.nanoTime();
                        HttpResponse<String> r = post(http, uri, id);
                        long ms = (System.nanoTime() - t) / 1_000_000;
                        statuses.computeIfAbsent(r.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                        if (r.statusCode() == 201 || r.statusCode() == 200) {
                            acknowledged.add(id);
                            servingBefore.countDown();
                            servingAfter.get().countDown();
                        } else if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isPresent()) {
                            refused.add(id);
                            slowest503.accumulateAndGet(ms, Math::max);
                        } else {
                            synchronized (problems) {
                                problems.add(id + ": " + r.statusCode() + " " + r.body());
                            }
                        }
                    }
                    return null;
                }));
            }
            assertTrue(servingBefore.await(60, TimeUnit.SECONDS), "the API serves under load before the fault");
            dynamo.kill();
            // The fault itself: a real process stays down for a set time (fault.seconds; the long form lengthens it),
            // while the clients keep posting.
            Thread.sleep(FAULT_MS);
            CountDownLatch recovered = new CountDownLatch(CLIENTS);
            servingAfter.set(recovered);
            dynamo = Dynalite.start(port, data);
            long restarted = System.nanoTime();
            boolean servesAgain = recovered.await(60, TimeUnit.SECONDS);
            long recoveredMs = (System.nanoTime() - restarted) / 1_000_000;
            stop.set(true);
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
            clients.shutdownNow();
            Map<Integer, Integer> counts = new HashMap<>();
            statuses.forEach((s, n) -> counts.put(s, n.get()));
            // Figures for BENCHMARKS.md ("Faults"); timings are reported, not asserted.
            System.out.printf("fault: %d s down, statuses %s, slowest 503 %d ms, recovered %d ms after restart%n",
                    FAULT_MS / 1000, counts, slowest503.get(), recoveredMs);

            assertEquals(List.of(), problems, "only 2xx, or 503 with Retry-After");
            assertFalse(refused.isEmpty(), "the outage was seen");
            assertTrue(servesAgain, "the API serves again without a restart");

            // Clients retry their 503s; afterwards every score has its case.
            for (String id : refused) {
                HttpResponse<String> r = post(http, uri, id);
                assertTrue(r.statusCode() == 201 || r.statusCode() == 200, () -> id + ": " + r.statusCode());
            }
        } finally {
            dynamo.close();
        }
        dynamo = Dynalite.start(port, data);
        try {
            Map<String, String> latestScore = new HashMap<>();
            Map<String, String> caseScore = new HashMap<>();
            for (Map<String, AttributeValue> item : stack.items()) {
                String id = item.get(TableDefinitions.APPLICATION_ID).s();
                String sk = item.get(TableDefinitions.SK).s();
                if (sk.startsWith("SCORE#")) {
                    assertNotNull(latestScore.put(id, sk.substring("SCORE#".length())) == null ? "" : null,
                            "one score per application: " + id);
                } else if (sk.equals("CASE")) {
                    caseScore.put(id, item.get("scoreId").s());
                }
            }
            assertTrue(latestScore.keySet().containsAll(acknowledged), "nothing acknowledged was lost");
            assertEquals(latestScore, caseScore, "every score has its case, naming it");
        } finally {
            dynamo.close();
        }
    }

    private static HttpResponse<String> post(HttpClient http, URI uri, String id) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(Applications.variant(id, id.hashCode() & 0xff).toString()))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
    }
}
