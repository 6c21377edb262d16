package org.licencerisk.functions.load;

import org.junit.jupiter.api.Test;
import org.licencerisk.functions.local.LocalApiServer;
import org.licencerisk.functions.local.LocalAuth;
import org.licencerisk.functions.local.SamTemplate;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Dynalite;
import org.licencerisk.functions.testing.TestStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code load.requests} (2,000 by default; 100,000 for the long form) distinct applications plus 10% exact retries,
 * shuffled, sent by 32 concurrent clients to the local server over loopback. Afterwards the table holds exactly one
 * score and one case per distinct application: none lost, none duplicated, and every answer was 201 or 200. Prints
 * throughput, p50, p99 and errors. Long form: {@code mvn -B -pl functions -am test -Dtest=LoadWithoutLossTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dload.requests=100000}.
 */
class LoadWithoutLossTest {

    private static final int DISTINCT = Integer.getInteger("load.requests", 2_000);
    private static final int CLIENTS = 32;

    @Test
    void everyDistinctApplicationIsStoredExactlyOnce() throws Exception {
        TestStack stack = TestStack.create();
        SamTemplate template = SamTemplate.read(Dynalite.repositoryRoot().resolve("template.yaml"));
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < DISTINCT; i++) {
            bodies.add(Applications.variant("LOAD-" + i, i).toString());
        }
        List<String> requests = new ArrayList<>(bodies);
        Random random = new Random(5);
        for (int i = 0; i < DISTINCT / 10; i++) {
            requests.add(bodies.get(random.nextInt(DISTINCT)));
        }
        Collections.shuffle(requests, random);

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        long[] latencies = new long[requests.size()];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger retriedAfter503 = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(4)).build();
        long start;
        long elapsed;
        try (LocalApiServer server = LocalApiServer.start(template, stack.components(), LocalAuth.from("off", "i", "a"), 0)) {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/v1/scores");
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                done.add(clients.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests.size(); i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        int status = -1;
                        // A client honours 503/429 with Retry-After (capped at 1 s here), at most 5 attempts.
                        for (int attempt = 0; attempt < 5; attempt++) {
                            try {
                                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                                        .POST(HttpRequest.BodyPublishers.ofString(requests.get(i)))
                                        .header("Content-Type", "application/json").build(),
                                        HttpResponse.BodyHandlers.discarding());
                                status = r.statusCode();
                            } catch (Exception e) {
                                status = -1;
                            }
                            if (status != 503 && status != 429) {
                                break;
                            }
                            retriedAfter503.incrementAndGet();
                            // A real server asked us to come back (Retry-After): wait, capped at 1 s, bounded above.
                            Thread.sleep(1_000);
                        }
                        latencies[i] = System.nanoTime() - t;
                        statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.MINUTES);
            }
            elapsed = System.nanoTime() - start;
            clients.shutdownNow();
        }

        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        Map<Integer, Integer> counts = new HashMap<>();
        statuses.forEach((s, n) -> counts.put(s, n.get()));
        int errors = requests.size() - counts.getOrDefault(201, 0) - counts.getOrDefault(200, 0);
        System.out.printf("load: %d requests (%d distinct) from %d clients in %.1f s: %.0f req/s, p50 %.1f ms, "
                        + "p99 %.1f ms, errors %d, statuses %s, retried after 503/429 %d%n", requests.size(), DISTINCT, CLIENTS, elapsed / 1e9,
                requests.size() / (elapsed / 1e9), sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, errors, counts, retriedAfter503.get());

        assertEquals(0, errors, "no errors: " + counts);
        // At most one 201 per application. Fewer is possible: when the SDK retries a put whose first attempt landed
        // but timed out, the retry finds the score and the answer is 200 with the same body.
        assertTrue(counts.getOrDefault(201, 0) <= DISTINCT, "at most one 201 per distinct application: " + counts);
        Map<String, Integer> scoreItems = new HashMap<>();
        Map<String, Integer> caseItems = new HashMap<>();
        for (Map<String, AttributeValue> item : stack.items()) {
            String id = item.get("applicationId").s();
            String sk = item.get("sk").s();
            (sk.startsWith("SCORE#") ? scoreItems : caseItems).merge(id, 1, Integer::sum);
            if (sk.equals("CASE")) {
                assertTrue(item.containsKey("scoreId"), "a case names its score: " + id);
            }
        }
        assertEquals(DISTINCT, scoreItems.size(), "none lost");
        assertTrue(scoreItems.values().stream().allMatch(n -> n == 1), "none duplicated");
        assertEquals(scoreItems.keySet(), caseItems.keySet(), "every score has its case");
        assertTrue(caseItems.values().stream().allMatch(n -> n == 1));
    }
}
