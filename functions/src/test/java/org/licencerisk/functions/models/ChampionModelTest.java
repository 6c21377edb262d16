package org.licencerisk.functions.models;

import org.junit.jupiter.api.Test;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.testing.ManualTime;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.scoring.RiskScorer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request path never waits for the registry, and a champion that cannot be loaded leaves the old one serving.
 * Time and the background thread are the test's ({@link ManualTime}): checks run only when the test runs them.
 */
class ChampionModelTest {

    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final ManualTime time = new ManualTime();
    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();
    private final StructuredLogger log = new StructuredLogger(new PrintStream(logs, true, StandardCharsets.UTF_8), time);
    private final RiskScorer bundled = TestModel.scorer();
    private final PointerRegistry registry = new PointerRegistry(bundled.manifest().modelVersion());
    private final ChampionModel champion = new ChampionModel(bundled, registry, Optional.empty(), INTERVAL, log,
            time.background());

    private String logged() {
        return logs.toString(StandardCharsets.UTF_8);
    }

    @Test
    void requestsNeverRunThePointerCheckThemselvesOnceTheContainerHasChecked() {
        // A container's first request reads the pointer itself (it names the bundled model) and hands a check to the
        // background, which finds the same.
        assertSame(bundled, champion.current());
        assertEquals(1, registry.reads, "the first request read the pointer on its own thread");
        assertEquals(1, time.runPending());
        assertEquals(2, registry.reads);

        registry.champion = "unregistered-version";
        time.advance(INTERVAL.plusMillis(100));
        for (int i = 0; i < 100; i++) {
            assertSame(bundled, champion.current(), "requests go on while the check waits to run");
        }
        assertEquals(2, registry.reads, "no request read the pointer on its own thread");
        assertEquals(1, time.pendingTasks(), "one check per interval, not one per request");

        time.runPending();
        assertTrue(logged().contains("\"champion_refused\"") && logged().contains("is not registered"), logged());
        assertEquals(3, registry.reads);
        assertSame(bundled, champion.current(), "a champion that cannot be loaded leaves the old one serving");
        time.advance(INTERVAL.plusMillis(100));
        champion.current();
        time.runPending();
        assertEquals(1, logged().split("\"champion_refused\"", -1).length - 1,
                "a refused champion is not fetched again until the pointer changes");
    }

    @Test
    void aContainerThatHasNotCheckedForTwoIntervalsReadsThePointerOnTheRequestPathButLoadsInTheBackground() {
        assertSame(bundled, champion.current());
        time.runPending();
        assertTrue(champion.pendingVersion().isEmpty(), "it names the model being served");
        int reads = registry.reads;

        // The champion changes while the container is idle for more than two intervals (or frozen in a snapshot).
        registry.champion = "unregistered-version";
        time.advance(ChampionModel.staleAfter(INTERVAL).plusMillis(200));
        assertSame(bundled, champion.current(), "the request is served at once by the model in memory");
        assertEquals(reads + 1, registry.reads, "after reading the pointer on the request path");
        assertEquals(Optional.of("unregistered-version"), champion.pendingVersion(),
                "the caller knows its score is by the previous champion");
        assertFalse(logged().contains("champion_refused"), "nothing was loaded on the request path");

        assertEquals(1, time.runPending(), "the load runs in the background");
        assertTrue(logged().contains("\"champion_refused\""), "refused here: the model is not registered");
        assertTrue(champion.pendingVersion().isEmpty(), "nothing is pending once the load has ended");
    }

    @Test
    void aStorageFailureDuringACheckKeepsTheModelAndIsRetriedAtTheNextCheck() {
        assertSame(bundled, champion.current());
        time.runPending();
        registry.failing = true;
        time.advance(INTERVAL.plusMillis(100));
        assertSame(bundled, champion.current());
        time.runPending();
        assertTrue(logged().contains("\"champion_check_failed\""), logged());
        assertSame(bundled, champion.current());

        registry.failing = false;
        int reads = registry.reads;
        time.advance(INTERVAL.plusMillis(100));
        champion.current();
        time.runPending();
        assertEquals(reads + 1, registry.reads, "the next interval checks again");
    }

    /** A registry whose pointer names {@link #champion} and that holds no model; it supports nothing else. */
    private static final class PointerRegistry implements ModelRegistry {
        private volatile String champion;
        private volatile boolean failing;
        private volatile int reads;

        PointerRegistry(String champion) {
            this.champion = champion;
        }

        @Override
        public Optional<PromotionRecord> champion() {
            reads++;
            if (failing) {
                throw new IllegalStateException("The registry is unavailable.");
            }
            return Optional.of(new PromotionRecord(2, PromotionKind.PROMOTION, "old", champion, "ds",
                    Instant.parse("2026-11-29T08:00:00Z"), null, false, null));
        }

        @Override
        public Optional<RegisteredModel> find(String modelVersion) {
            return Optional.empty();
        }

        @Override
        public boolean register(ModelManifest manifest, StoredArtifact artifact, String registeredBy,
                                Instant registeredAt, HeldOutComparison comparison) {
            throw new UnsupportedOperationException("register");
        }

        @Override
        public List<RegisteredModel> list() {
            throw new UnsupportedOperationException("list");
        }

        @Override
        public boolean moveChampion(PromotionRecord next) {
            throw new UnsupportedOperationException("moveChampion");
        }

        @Override
        public void recordPromotion(PromotionRecord change) {
            throw new UnsupportedOperationException("recordPromotion");
        }

        @Override
        public void setStatus(String modelVersion, ModelStatus status, long revision, String by, Instant at) {
            throw new UnsupportedOperationException("setStatus");
        }

        @Override
        public List<PromotionRecord> promotions() {
            throw new UnsupportedOperationException("promotions");
        }
    }
}
