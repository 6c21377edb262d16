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
    void aSlowPointerReadNeverBlocksTheRequestThatTriggeredItOnceTheContainerHasChecked() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch reading = new CountDownLatch(1);
        RiskScorer bundled = TestModel.scorer();
        BlockingRegistry registry = new BlockingRegistry(reading, release, bundled.manifest().modelVersion(),
                "unregistered-version");
        ChampionModel champion = new ChampionModel(bundled, registry.registry(), Optional.empty(), Duration.ofSeconds(1), log);

        // A container's first request reads the pointer itself (quickly here: it names the bundled model) and hands a
        // check to the background, which finds the same.
        assertSame(bundled, champion.current());
        assertTrue(registry.reads >= 1, "the first request read the pointer on its own thread");
        Thread.sleep(1_100);
        assertTimeoutPreemptively(Duration.ofSeconds(2), () -> {
            assertSame(bundled, champion.current());
            assertTrue(reading.await(2, TimeUnit.SECONDS), "the next check runs in the background");
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
        assertEquals(2, registry.reads, "one check per interval, not one per request");
        assertSame(bundled, champion.current(), "a champion that cannot be loaded leaves the old one serving");
    }

    @Test
    void aContainerThatHasNotCheckedForTwoIntervalsReadsThePointerOnTheRequestPathButLoadsInTheBackground()
            throws InterruptedException {
        RiskScorer bundled = TestModel.scorer();
        SwitchingRegistry registry = new SwitchingRegistry(bundled.manifest().modelVersion());
        ChampionModel champion = new ChampionModel(bundled, registry.registry(), Optional.empty(), Duration.ofSeconds(1),
                log);
        assertSame(bundled, champion.current());
        assertTrue(registry.reads >= 1, "a container's first request reads the pointer itself");
        assertTrue(champion.pendingVersion().isEmpty(), "it names the model being served");

        // The champion changes while the container is idle for more than two intervals (or frozen in a snapshot).
        registry.champion = "unregistered-version";
        Thread.sleep(2_200);
        assertSame(bundled, champion.current(), "the request is served at once by the model in memory");
        assertTrue(registry.reads >= 2, "after reading the pointer on the request path");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!logs.toString(StandardCharsets.UTF_8).contains("champion_refused") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(logs.toString(StandardCharsets.UTF_8).contains("champion_refused"),
                "the load ran in the background (refused here: the model is not registered)");
        assertTrue(champion.pendingVersion().isEmpty(), "nothing is pending once the load has ended");
    }

    /** A registry whose pointer names {@link #champion}; it holds no model. */
    private static final class SwitchingRegistry {
        private volatile String champion;
        private volatile int reads;

        SwitchingRegistry(String champion) {
            this.champion = champion;
        }

        ModelRegistry registry() {
            return (ModelRegistry) Proxy.newProxyInstance(ModelRegistry.class.getClassLoader(),
                    new Class<?>[] {ModelRegistry.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "champion" -> {
                            reads++;
                            yield Optional.of(new PromotionRecord(2, PromotionKind.PROMOTION, "old", champion, "ds",
                                    Instant.now(), null, false, null));
                        }
                        case "find" -> Optional.empty();
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    /** A registry whose pointer read waits for a latch and names a model it does not hold; it supports nothing else. */
    private static final class BlockingRegistry {
        private final CountDownLatch reading;
        private final CountDownLatch release;
        private final String first;
        private final String champion;
        private volatile int reads;

        /** The first read names {@code first} at once; later reads wait for the latch and name {@code champion}. */
        BlockingRegistry(CountDownLatch reading, CountDownLatch release, String first, String champion) {
            this.reading = reading;
            this.release = release;
            this.first = first;
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
            if (reads == 1) {
                return Optional.of(new PromotionRecord(1, PromotionKind.INITIAL, null, first, "ds", Instant.now(),
                        null, false, null));
            }
            reading.countDown();
            release.await();
            return Optional.of(new PromotionRecord(2, PromotionKind.PROMOTION, "old", champion, "ds", Instant.now(),
                    null, false, null));
        }
    }
}
