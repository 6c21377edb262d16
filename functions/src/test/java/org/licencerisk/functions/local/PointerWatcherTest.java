package org.licencerisk.functions.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.jobs.JobKind;
import org.licencerisk.functions.jobs.JobStatus;
import org.licencerisk.functions.models.PromotionRequest;
import org.licencerisk.functions.rescoring.RescoreRun;
import org.licencerisk.functions.rescoring.RescoreService;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.CapturingScheduler;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.artifact.ModelArtifact;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local stand-in for the models table's stream re-scores after a promotion, once per pointer revision. */
class PointerWatcherTest {

    @TempDir
    Path artifacts;

    private Components promoted(String prefix) {
        TestStack stack = TestStack.withEnvironment(Map.of(ApiConfig.ARTIFACT_DIR, artifacts.toString()));
        Components c = stack.components();
        for (int i = 0; i < 3; i++) {
            c.scoringService().score(Applications.variant(prefix + i, i).toString());
        }
        Path dir = TestModel.challengerDirectory();
        String version = ModelArtifact.load(dir).manifest().modelVersion();
        c.registry().register(ModelArtifact.load(dir).manifest(), c.requireArtifactStore().put(dir), "ds-grace",
                Instant.now());
        c.promotionService().promote(version, "ds-ada", new PromotionRequest(true, "Test: local re-scoring."));
        return c;
    }

    @Test
    void aCheckRunsTheJobOfANewPointerRevisionOnceAndThenNothing() {
        Components c = promoted("PW-ONCE-");
        PointerWatcher watcher = PointerWatcher.manual(c);
        RescoreRun run = watcher.checkOnce().orElseThrow();
        assertEquals(RescoreRun.Stop.COMPLETE, run.stop());
        assertEquals(3, run.checkpoint().count(RescoreService.RESCORED));
        assertTrue(watcher.checkOnce().isEmpty(), "a finished job is not run again");
    }

    @Test
    void theBackgroundWatcherReScoresAtEachTickWithoutBeingAsked() {
        Components c = promoted("PW-BG-");
        CapturingScheduler scheduler = new CapturingScheduler();
        try (PointerWatcher ignored = PointerWatcher.start(c, Duration.ofMillis(200), scheduler)) {
            assertEquals(200, scheduler.periodMillis(), "it checks every interval");
            assertTrue(c.jobStore().find(JobKind.RESCORE, RescoreService.jobId(2)).isEmpty(), "nothing before a tick");
            scheduler.runRepeating();
            assertEquals(JobStatus.COMPLETE, c.jobStore().find(JobKind.RESCORE, RescoreService.jobId(2)).orElseThrow()
                    .status());
        }
        assertTrue(scheduler.isShutdown(), "closing the watcher stops its thread");
    }

    @Test
    void aNonPositiveIntervalIsRefused() {
        Components c = TestStack.create().components();
        assertThrows(IllegalArgumentException.class, () -> PointerWatcher.start(c, Duration.ZERO));
    }
}
