package org.licencerisk.functions.rescoring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.jobs.JobCheckpoint;
import org.licencerisk.functions.jobs.JobKind;
import org.licencerisk.functions.jobs.JobStatus;
import org.licencerisk.functions.jobs.JobStore;
import org.licencerisk.functions.queue.ApplicationCase;
import org.licencerisk.functions.queue.CaseRepository;
import org.licencerisk.functions.queue.CaseState;
import org.licencerisk.functions.queue.QueueEntry;
import org.licencerisk.functions.scores.DynamoDbScoreRepository;
import org.licencerisk.functions.scores.StoredScore;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.ManualTime;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.scoring.RiskBand;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a promotion every undecided application is re-scored by the new champion, keeping its history, in a job that
 * resumes, never duplicates, gives way to a newer promotion and lets a racing decision win; against dynalite.
 */
class RescoreServiceTest {

    @TempDir
    Path artifacts;

    private RescoreFixture f;
    private String bundled;

    @BeforeEach
    void setUp() {
        f = new RescoreFixture(artifacts);
        bundled = TestModel.scorer().manifest().modelVersion();
    }

    private static final java.util.function.Consumer<RescoreProgress> QUIET = p -> { };

    @Test
    void afterAPromotionUndecidedApplicationsCarryTheNewChampionsScoreKeepTheirHistoryAndTheQueueIsReRanked() {
        f.scored("RS-ALL", 12);
        Set<String> decided = Set.of("RS-ALL-0", "RS-ALL-5");
        decided.forEach(id -> assertTrue(f.cases.markDecided(id, 1, "APPROVED", "2026-11-29T10:00:00Z")));
        Map<String, String> decidedScore = Map.of("RS-ALL-0", f.cases.find("RS-ALL-0").orElseThrow().scoreId(),
                "RS-ALL-5", f.cases.find("RS-ALL-5").orElseThrow().scoreId());
        String challenger = f.promote(TestModel.challengerDirectory());

        List<RescoreProgress> pages = new ArrayList<>();
        RescoreRun run = f.service(5).run(TimeBudget.unlimited(), pages::add);

        assertEquals(RescoreRun.Stop.COMPLETE, run.stop());
        JobCheckpoint job = run.checkpoint();
        assertEquals(JobStatus.COMPLETE, job.status());
        assertEquals(RescoreService.jobId(2), job.jobId());
        assertEquals("000000000002", job.jobId());
        assertEquals(challenger, job.details().get(RescoreService.CHAMPION_VERSION));
        assertEquals(10, job.count(RescoreService.SEEN));
        assertEquals(10, job.count(RescoreService.RESCORED));
        assertEquals(0, job.count(RescoreService.FAILED));
        assertEquals(0, job.count(RescoreService.WITHOUT_CONTENT));
        assertFalse(pages.isEmpty(), "progress after every page");
        assertEquals(10, pages.get(pages.size() - 1).done());
        assertEquals(10L, pages.get(0).estimatedTotal().orElseThrow(), "the queue's size when the job started");

        for (String id : f.ids) {
            List<StoredScore> history = f.history(id);
            if (decided.contains(id)) {
                assertEquals(1, history.size(), "a decided application is not re-scored: " + id);
                assertEquals(decidedScore.get(id), f.cases.find(id).orElseThrow().scoreId());
                continue;
            }
            assertEquals(2, history.size(), id);
            assertEquals(challenger, history.get(0).score().modelVersion(), "newest first: the new champion's");
            assertEquals(bundled, history.get(1).score().modelVersion(), "the old score is kept");
            assertEquals(history.get(0).inputHash(), history.get(1).inputHash(), "the same content");
            assertNotEquals(history.get(0).scoreId(), history.get(1).scoreId());
            ApplicationCase c = f.cases.find(id).orElseThrow();
            assertEquals(history.get(0).scoreId(), c.scoreId(), "the case points at the new score");
            assertEquals(challenger, c.modelVersion());
        }
        List<QueueEntry> queue = f.queue();
        assertEquals(10, queue.size());
        List<QueueEntry> expected = new ArrayList<>(queue);
        expected.sort(Comparator.comparing((QueueEntry e) -> List.of(RiskBand.HIGH, RiskBand.MEDIUM, RiskBand.LOW)
                .indexOf(e.riskBand())).thenComparing(QueueEntry::riskScore, Comparator.reverseOrder()));
        assertEquals(expected, queue, "riskiest first by the new scores");
        for (QueueEntry e : queue) {
            assertEquals(challenger, e.modelVersion());
            assertEquals(f.history(e.applicationId()).get(0).score().riskScore(), e.riskScore(), 0.0);
        }
    }

    @Test
    void anApplicationALaggingScoringFunctionScoresWithThePreviousChampionBehindTheScanIsCaughtByTheClosingSweep() {
        f.scored("RS-SWEEP", 4);
        String challenger = f.promote(TestModel.challengerDirectory());
        Instant promotedAt = f.registry.champion().orElseThrow().at();
        // The service's clock reads the promotion's time now, and moves on only while the job waits.
        ManualTime fromPromotion = new ManualTime(promotedAt);
        Duration settle = Duration.ofMillis(1500);
        AtomicBoolean lagged = new AtomicBoolean();
        RescoreRun run = f.service(5, settle, fromPromotion, fromPromotion).run(TimeBudget.unlimited(), p -> {
            if (RescoreService.SWEEP.equals(p.checkpoint().details().get(RescoreService.PASS))
                    && p.checkpoint().cursor() == null && lagged.compareAndSet(false, true)) {
                // The first pass is over; a scoring function that has not noticed the promotion yet scores with the
                // previous champion (this container checks the pointer only every 30 s).
                assertEquals(bundled, f.components.scoringService().score(Applications.variant("RS-SWEEP-LATE", 9)
                        .toString()).score().score().modelVersion());
            }
        });

        assertTrue(lagged.get(), "the first pass ended before the settling time, so a sweep was due");
        assertEquals(RescoreRun.Stop.COMPLETE, run.stop());
        JobCheckpoint job = run.checkpoint();
        assertEquals(RescoreService.SWEEP, job.details().get(RescoreService.PASS));
        assertEquals(4, job.count(RescoreService.SEEN), "the first pass's cases");
        assertEquals(5, job.count(RescoreService.RESCORED), "and the one scored behind it");
        StoredScore late = f.history("RS-SWEEP-LATE").get(0);
        assertEquals(challenger, late.score().modelVersion());
        assertEquals(challenger, f.cases.find("RS-SWEEP-LATE").orElseThrow().modelVersion());
        assertFalse(late.scoredAt().isBefore(promotedAt.plus(settle)), "the sweep began once no function could lag");
    }

    @Test
    void aSweepThatCannotWaitLeavesTheJobRunningAtTheStartOfItsSweep() {
        f.scored("RS-WAIT", 3);
        f.promote(TestModel.challengerDirectory());
        Instant promotedAt = f.registry.champion().orElseThrow().at();
        ManualTime fromPromotion = new ManualTime(promotedAt);
        long deadline = promotedAt.toEpochMilli() + 1_000;
        RescoreRun run = f.service(5, Duration.ofSeconds(60), fromPromotion, fromPromotion).run(
                TimeBudget.remaining(() -> deadline - fromPromotion.millis(), 0), QUIET);

        assertEquals(RescoreRun.Stop.OUT_OF_TIME, run.stop());
        JobCheckpoint job = f.jobs.find(JobKind.RESCORE, RescoreService.jobId(2)).orElseThrow();
        assertTrue(job.running());
        assertEquals(RescoreService.SWEEP, job.details().get(RescoreService.PASS));
        assertNull(job.cursor(), "the sweep starts from the beginning when the job resumes");
        assertEquals(3, job.count(RescoreService.RESCORED));
    }

    @Test
    void aJobWaitingForItsSweepGivesWayAtOnceToANewerPromotion() {
        f.scored("RS-GIVE", 3);
        f.promote(TestModel.challengerDirectory());
        Instant promotedAt = f.registry.champion().orElseThrow().at();
        ManualTime fromPromotion = new ManualTime(promotedAt);
        AtomicInteger waits = new AtomicInteger();
        // A second into the job's wait for its sweep, a newer promotion lands.
        Sleeper promotingAfterASecond = new Sleeper() {
            @Override
            public long nanoTime() {
                return fromPromotion.nanoTime();
            }

            @Override
            public void sleep(Duration duration) {
                fromPromotion.advance(duration);
                if (waits.incrementAndGet() == 1) {
                    f.promote(TestModel.thirdDirectory());
                }
            }
        };
        RescoreRun run = f.service(5, Duration.ofSeconds(60), fromPromotion, promotingAfterASecond)
                .run(TimeBudget.unlimited(), QUIET);

        assertEquals(1, waits.get(), "it did not wait out its 60 s");
        assertEquals(RescoreRun.Stop.SUPERSEDED, run.stop());
        assertEquals(JobStatus.SUPERSEDED, run.checkpoint().status());
    }

    @Test
    void runningItAgainChangesNothingAndARepeatedPageCountsAsAlreadyCurrent() {
        f.scored("RS-TWICE", 7);
        f.promote(TestModel.challengerDirectory());
        // A first worker re-scores a page and dies before its checkpoint is saved.
        JobStore dying = new JobStore() {
            public Optional<JobCheckpoint> find(JobKind kind, String jobId) {
                return f.jobs.find(kind, jobId);
            }

            public boolean start(JobCheckpoint first) {
                return f.jobs.start(first);
            }

            public boolean save(JobCheckpoint next) {
                return false;
            }

            public List<JobCheckpoint> list(JobKind kind) {
                return f.jobs.list(kind);
            }
        };
        // Pages count items read (a score and a case each here), so a page of 6 holds at least two cases.
        assertEquals(RescoreRun.Stop.OVERTAKEN, f.service(6, f.cases, dying).run(TimeBudget.unlimited(), QUIET).stop());
        int itemsAfterCrash = f.stack.items().size();
        long doneBeforeCrash = f.ids.stream().filter(id -> f.history(id).size() == 2).count();
        assertTrue(doneBeforeCrash >= 2 && doneBeforeCrash < 7, "the crashed worker did part of the job");

        RescoreRun resumed = f.service(6).run(TimeBudget.unlimited(), QUIET);
        assertEquals(RescoreRun.Stop.COMPLETE, resumed.stop());
        assertEquals(7, resumed.checkpoint().count(RescoreService.SEEN));
        assertEquals(doneBeforeCrash, resumed.checkpoint().count(RescoreService.ALREADY_CURRENT), "the repeated page");
        assertEquals(7 - doneBeforeCrash, resumed.checkpoint().count(RescoreService.RESCORED));
        assertEquals(itemsAfterCrash + 7 - doneBeforeCrash, f.stack.items().size(), "nothing stored twice");
        f.ids.forEach(id -> assertEquals(2, f.history(id).size(), id));

        int items = f.stack.items().size();
        RescoreRun again = f.service(6).run(TimeBudget.unlimited(), QUIET);
        assertEquals(RescoreRun.Stop.ALREADY_ENDED, again.stop());
        assertEquals(resumed.checkpoint(), again.checkpoint());
        assertEquals(items, f.stack.items().size(), "a second run writes nothing");
    }

    @Test
    void aJobInterruptedByItsTimeBudgetResumesFromItsCheckpointWithoutDuplicates() {
        f.scored("RS-RESUME", 10);
        String challenger = f.promote(TestModel.challengerDirectory());

        RescoreRun first = f.service(4).run(TimeBudget.pages(1), QUIET);
        assertEquals(RescoreRun.Stop.OUT_OF_TIME, first.stop());
        JobCheckpoint saved = f.jobs.find(JobKind.RESCORE, RescoreService.jobId(2)).orElseThrow();
        assertEquals(JobStatus.RUNNING, saved.status());
        assertEquals(1, saved.sequence());
        long firstPage = saved.count(RescoreService.SEEN);
        assertTrue(firstPage >= 1 && firstPage < 10, "one page (of 4 items: scores and cases) was done");
        assertTrue(saved.cursor() != null, "where to resume");

        RescoreRun second = f.service(4).run(TimeBudget.unlimited(), QUIET);
        assertEquals(RescoreRun.Stop.COMPLETE, second.stop());
        assertEquals(10, second.checkpoint().count(RescoreService.SEEN));
        assertEquals(10, second.checkpoint().count(RescoreService.RESCORED));
        assertEquals(0, second.checkpoint().count(RescoreService.ALREADY_CURRENT), "no page was done twice");
        for (String id : f.ids) {
            List<StoredScore> history = f.history(id);
            assertEquals(2, history.size(), id);
            assertEquals(challenger, history.get(0).score().modelVersion());
        }
    }

    @Test
    void aJobOvertakenByANewerPromotionEndsSupersededAndTheNewJobReScoresWithTheNewerChampion() {
        f.scored("RS-SUPER", 9);
        f.promote(TestModel.challengerDirectory());
        AtomicBoolean promoted = new AtomicBoolean();
        String[] third = new String[1];
        RescoreRun overtaken = f.service(3).run(TimeBudget.unlimited(), p -> {
            if (promoted.compareAndSet(false, true)) {
                third[0] = f.promote(TestModel.thirdDirectory());
            }
        });
        assertEquals(RescoreRun.Stop.SUPERSEDED, overtaken.stop());
        assertEquals(JobStatus.SUPERSEDED, f.jobs.find(JobKind.RESCORE, RescoreService.jobId(2)).orElseThrow().status());
        assertTrue(overtaken.checkpoint().count(RescoreService.SEEN) < 9, "it stopped after the page it was on");

        RescoreRun newer = f.service(3).run(TimeBudget.unlimited(), QUIET);
        assertEquals(RescoreRun.Stop.COMPLETE, newer.stop());
        assertEquals(RescoreService.jobId(3), newer.checkpoint().jobId());
        assertEquals(9, newer.checkpoint().count(RescoreService.RESCORED));
        for (String id : f.ids) {
            assertEquals(third[0], f.cases.find(id).orElseThrow().modelVersion(), id);
        }
        assertEquals(List.of(RescoreService.jobId(2), RescoreService.jobId(3)),
                f.service(3).jobs().stream().map(JobCheckpoint::jobId).toList());
    }

    @Test
    void anOlderJobStillRunningIsSupersededWhenTheNextJobStarts() {
        f.scored("RS-OLDER", 6);
        f.promote(TestModel.challengerDirectory());
        RescoreRun cut = f.service(4).run(TimeBudget.pages(1), QUIET);
        assertEquals(RescoreRun.Stop.OUT_OF_TIME, cut.stop());
        f.promote(TestModel.thirdDirectory());
        assertEquals(RescoreRun.Stop.COMPLETE, f.service(4).run(TimeBudget.unlimited(), QUIET).stop());
        JobCheckpoint older = f.jobs.find(JobKind.RESCORE, RescoreService.jobId(2)).orElseThrow();
        assertEquals(JobStatus.SUPERSEDED, older.status());
        assertEquals(cut.checkpoint().count(RescoreService.SEEN), older.count(RescoreService.SEEN), "its counts are kept");
        assertTrue(older.count(RescoreService.SEEN) >= 1);
    }

    @Test
    void scoresStoredWithoutContentAreCountedAndSkipped() {
        f.scored("RS-NOCONTENT", 5);
        f.forgetContent("RS-NOCONTENT-1");
        f.forgetContent("RS-NOCONTENT-3");
        f.promote(TestModel.challengerDirectory());

        RescoreRun run = f.service(10).run(TimeBudget.unlimited(), QUIET);
        assertEquals(2, run.checkpoint().count(RescoreService.WITHOUT_CONTENT));
        assertEquals(3, run.checkpoint().count(RescoreService.RESCORED));
        assertEquals(1, f.history("RS-NOCONTENT-1").size());
        assertEquals(bundled, f.cases.find("RS-NOCONTENT-3").orElseThrow().modelVersion(), "left as it was");
        assertEquals(2, f.history("RS-NOCONTENT-2").size());
    }

    @Test
    void aDecisionRecordedDuringReScoringKeepsTheApplicationOutOfTheQueue() {
        f.scored("RS-RACE", 4);
        String challenger = f.promote(TestModel.challengerDirectory());
        String raced = "RS-RACE-2";
        // An officer decides between the job's scan (which saw the case undecided) and its case update.
        CaseRepository racing = new CaseRepository() {
            public Optional<ApplicationCase> find(String applicationId) {
                return f.cases.find(applicationId);
            }

            public boolean advanceLatest(StoredScore score) {
                if (score.applicationId().equals(raced)) {
                    assertTrue(f.cases.markDecided(raced, 1, "REFUSED", "2026-11-29T10:00:00Z"));
                }
                return f.cases.advanceLatest(score);
            }

            public boolean markDecided(String applicationId, int revision, String outcome, String decidedAt) {
                return f.cases.markDecided(applicationId, revision, outcome, decidedAt);
            }

            public Page<QueueEntry> queue(RiskBand band, int limit, String cursor) {
                return f.cases.queue(band, limit, cursor);
            }

            public Page<ApplicationCase> scan(CaseState state, int limit, String cursor) {
                return f.cases.scan(state, limit, cursor);
            }
        };

        RescoreRun run = f.service(10, racing, f.jobs).run(TimeBudget.unlimited(), QUIET);
        assertEquals(1, run.checkpoint().count(RescoreService.DECIDED_MEANWHILE));
        assertEquals(3, run.checkpoint().count(RescoreService.RESCORED));
        assertTrue(f.queue().stream().noneMatch(e -> e.applicationId().equals(raced)), "the decision wins");
        assertEquals(3, f.queue().size());
        ApplicationCase c = f.cases.find(raced).orElseThrow();
        assertTrue(c.decided());
        assertEquals(challenger, c.modelVersion(), "its latest score is still recorded");
    }

    @Test
    void storedContentThatNoLongerParsesIsCountedAsFailedAndSkipped() {
        f.scored("RS-FAILED", 3);
        StoredScore latest = f.scores.latest("RS-FAILED-1").orElseThrow();
        // E.g. content valid under older reference data: here a destination that is no country code.
        String stored = f.scores.applications(Map.of("RS-FAILED-1", latest.scoreId())).get("RS-FAILED-1");
        ObjectNode changed;
        try {
            changed = (ObjectNode) Json.mapper()
                    .readTree(stored);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        changed.put("destinationCountry", "XX");
        f.stack.client().updateItem(b -> b.tableName(f.stack.config().applicationsTable())
                .key(Map.of(TableDefinitions.APPLICATION_ID,
                        AttributeValue.fromS("RS-FAILED-1"),
                        TableDefinitions.SK,
                        AttributeValue.fromS("SCORE#" + latest.scoreId())))
                .updateExpression("SET #a = :a")
                .expressionAttributeNames(Map.of("#a", DynamoDbScoreRepository.APPLICATION))
                .expressionAttributeValues(Map.of(":a",
                        AttributeValue.fromS(changed.toString()))));
        f.promote(TestModel.challengerDirectory());

        RescoreRun run = f.service(10).run(TimeBudget.unlimited(), QUIET);
        assertEquals(RescoreRun.Stop.COMPLETE, run.stop());
        assertEquals(1, run.checkpoint().count(RescoreService.FAILED));
        assertEquals(2, run.checkpoint().count(RescoreService.RESCORED));
        assertEquals(1, f.history("RS-FAILED-1").size(), "left on its old score");
    }

    @Test
    void withoutAChampionThereIsNothingToDo() {
        RescoreRun run = f.service(10).run(TimeBudget.unlimited(), QUIET);
        assertEquals(RescoreRun.Stop.NO_CHAMPION, run.stop());
        assertTrue(f.jobs.list(JobKind.RESCORE).isEmpty());
    }
}
