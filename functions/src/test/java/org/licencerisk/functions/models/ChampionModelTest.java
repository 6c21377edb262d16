package org.licencerisk.functions.models;

import org.junit.jupiter.api.Test;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.model.scoring.RiskScorer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request path never waits for the registry, and a champion that cannot be loaded leaves the old one serving. */
class ChampionModelTest {

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final StructuredLogger log = new StructuredLogger(new PrintStream(logs, true, StandardCharsets.UTF_8),
            Clock.systemUTC());

    @Test
    void aSlowPointerReadNeverBlocksTheRequestThatTriggeredIt() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(1);
        BlockingRegistry registry = new BlockingRegistry(reading, release, "unregistered-version");
        RiskScorer bundled = TestModel.scorer();
        ChampionModel champion = new ChampionModel(bundled, registry.registry(), Optional.empty(), Duration.ofSeconds(1), log);

        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertSame(bundled, champion.current());
            assertTrue(reading.await(2, TimeUnit.SECONDS), "the check runs in the background");
            for (int i = 0; i < 100; i++) {
                assertSame(bundled, champion.current(), "requests go on while the check is stuck");
            }
        });
        release.countDown();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!logs.toString(StandardCharsets.UTF_8).contains("champion_refused") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(logs.toString(StandardCharsets.UTF_8).contains("is not registered"), logs.toString(StandardCharsets.UTF_8));
        assertSame(bundled, champion.current(), "a champion that cannot be loaded leaves the old one serving");
        assertEquals(1, registry.reads, "one check per interval, not one per request");
    }

    /** A registry whose pointer read waits for a latch and names a model it does not hold; it supports nothing else. */
    private static final class BlockingRegistry {
        private final CountDownLatch reading;
        private final CountDownLatch release;
        private final String champion;
        private volatile int reads;

        BlockingRegistry(CountDownLatch reading, CountDownLatch release, String champion) {
            this.reading = reading;
            this.release = release;
            this.champion = champion;
        }

        ModelRegistry registry() {
            return (ModelRegistry) Proxy.newProxyInstance(ModelRegistry.class.getClassLoader(),
                    new Class<?>[] {ModelRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "champion" -> champion();
                        case "find" -> Optional.empty();
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        private Optional<PromotionRecord> champion() throws InterruptedException {
            reads++;
            reading.countDown();
            release.await();
            return Optional.of(new PromotionRecord(2, PromotionKind.PROMOTION, "old", champion, "ds", Instant.now(),
                    null, false, null));
        }
    }
}
