package org.licencerisk.functions.scores;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Identical POSTs arriving together: exactly one stores the score, every other gets it back with 200. */
class ConcurrentDuplicatesTest {

    private static final int CLIENTS = 12;
    private static TestStack stack;
    private static ScoresHandler handler;

    @BeforeAll
    static void setUp() {
        stack = TestStack.create();
        handler = new ScoresHandler(stack.components());
    }

    @RepeatedTest(5)
    void exactlyOneOfConcurrentIdenticalRequestsStoresTheScore(RepetitionInfo repetition) throws Exception {
        String applicationId = "T-RACE-" + repetition.getCurrentRepetition();
        String body = Applications.variant(applicationId, repetition.getCurrentRepetition()).toString();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<TestResponse>> futures = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of()).jsonBody(body));
            }));
        }
        start.countDown();
        int created = 0;
        int repeated = 0;
        String scoreId = null;
        for (Future<TestResponse> f : futures) {
            TestResponse r = f.get(30, TimeUnit.SECONDS);
            if (r.status() == 201) {
                created++;
            } else if (r.status() == 200) {
                repeated++;
            }
            if (scoreId == null) {
                scoreId = r.body().get("scoreId").asText();
            }
            assertEquals(scoreId, r.body().get("scoreId").asText(), "every client sees the one stored score");
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(CLIENTS - 1, repeated);
        long scoreItems = stack.items().stream().filter(i -> i.get("applicationId").s().equals(applicationId)
                && i.get("sk").s().startsWith("SCORE#")).count();
        assertEquals(1, scoreItems);
    }
}
