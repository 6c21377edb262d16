package org.licencerisk.functions.monitoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.decisions.DynamoDbDecisionRepository;
import org.licencerisk.functions.queue.ApplicationCase;
import org.licencerisk.functions.queue.CaseRepository;
import org.licencerisk.functions.queue.CaseState;
import org.licencerisk.functions.queue.QueueEntry;
import org.licencerisk.functions.scores.DynamoDbScoreRepository;
import org.licencerisk.functions.scores.StoredScore;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.scoring.RiskBand;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading the applications scored in a window from dynalite, and the model a drift report compares with. */
class RecentApplicationsTest {

    private static final FeatureDefinition FEATURES = FeatureDefinition.standard();

    @TempDir
    Path dir;

    private final TestStack stack = TestStack.create();
    private final Components components = stack.components();

    private List<String> score(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "NL-WINDOW-" + i;
            components.scoringService().score(Applications.variant(id, i).toString());
            ids.add(id);
        }
        return ids;
    }

    private Instant scoredAt(String id) {
        return components.cases().find(id).orElseThrow().scoredAt();
    }

    private RecentPeriod read(CaseRepository cases, Instant since, Instant until, List<RecentCounts> progress) {
        String table = stack.config().applicationsTable();
        return new RecentApplications(cases, new DynamoDbScoreRepository(stack.client(), table),
                new DynamoDbDecisionRepository(stack.client(), table))
                .read(since, until, FEATURES, ReferenceData.shipped(), progress::add);
    }

    private void decide(String id) {
        components.decisionService().decide(id, "{\"outcome\":\"REFUSED\",\"criteria\":[\"2\"],"
                + "\"rationale\":\"Assessed.\"}", "officer-1");
    }

    @Test
    void theWindowIncludesItsStartAndExcludesItsEnd() {
        List<String> ids = score(3);
        Instant second = scoredAt(ids.get(1));
        List<RecentCounts> progress = new ArrayList<>();

        RecentPeriod exactlySecond = read(components.cases(), second, second.plus(1, ChronoUnit.MICROS), progress);
        assertEquals(List.of(ids.get(1)), exactlySecond.applications().records().stream().map(DecisionRecord::id).toList());
        assertEquals(new RecentCounts(3, 0, 1, 0), exactlySecond.counts());
        assertEquals(exactlySecond.counts(), progress.get(progress.size() - 1), "the final counts are reported");

        RecentPeriod first = read(components.cases(), scoredAt(ids.get(0)), second, progress);
        assertEquals(List.of(ids.get(0)), first.applications().records().stream().map(DecisionRecord::id).toList());
        DecisionRecord record = first.applications().records().get(0);
        assertFalse(record.decided());
        assertEquals(scoredAt(ids.get(0)), record.decidedAt(), "an undecided application is placed at its score");
        assertNull(record.application(), "no application content is kept");
        assertThrows(IllegalArgumentException.class, () -> read(components.cases(), second, second, progress));
    }

    @Test
    void anApplicationDecidedBetweenTheTwoScansCountsOnceAsDecided() {
        List<String> ids = score(3);
        CaseRepository decidingMeanwhile = new DecidingBeforeDecidedScan(components.cases(), () -> decide(ids.get(0)));

        RecentPeriod period = read(decidingMeanwhile, Instant.parse("2026-11-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), new ArrayList<>());

        assertEquals(new RecentCounts(4, 1, 2, 0), period.counts(), "read twice, counted once");
        assertEquals(3, period.applications().records().size());
        DecisionRecord decided = period.applications().records().stream()
                .filter(r -> r.id().equals(ids.get(0))).findFirst().orElseThrow();
        assertEquals("REFUSED", decided.outcome());
        assertEquals(Boolean.TRUE, decided.refused());
    }

    @Test
    void theSameWindowHasTheSameDigestAndAnotherOutcomeChangesIt() {
        List<String> ids = score(2);
        Instant since = Instant.parse("2026-11-01T00:00:00Z");
        Instant until = Instant.parse("2026-12-01T00:00:00Z");
        String before = read(components.cases(), since, until, new ArrayList<>()).applications().sourceSha256();
        assertEquals(before, read(components.cases(), since, until, new ArrayList<>()).applications().sourceSha256());
        decide(ids.get(1));
        assertFalse(before.equals(read(components.cases(), since, until, new ArrayList<>()).applications().sourceSha256()));
    }

    @Test
    void aChampionOnlyInTheDeploymentPackageIsReadFromItsDirectory() throws IOException {
        score(4);
        Path baseline = dir.resolve("baseline.jsonl");
        new SyntheticDecisionLog(29L, 300).writeJsonLines(baseline);
        Path out = dir.resolve("report");
        DriftRequest request = new DriftRequest(Instant.parse("2026-11-01T00:00:00Z"), null, baseline, out, null);
        RecentApplications recent = new RecentApplications(stack.client(), stack.config().applicationsTable());

        DriftSummary summary = new DriftService(recent, components.registry(), Optional.empty(),
                Optional.of(TestModel.directory()), Clock.systemUTC()).run(request, c -> { });
        assertEquals(TestModel.scorer().manifest().modelVersion(), summary.modelVersion());
        assertEquals(4, summary.undecided());

        DriftException noArtifact = assertThrows(DriftException.class, () -> new DriftService(recent,
                components.registry(), Optional.empty(), Optional.empty(), Clock.systemUTC())
                .run(request, c -> { }));
        assertTrue(noArtifact.getMessage().contains("has no stored artifact"), noArtifact.getMessage());
    }

    /** Decides an application just before the first scan of decided cases starts. */
    private static final class DecidingBeforeDecidedScan implements CaseRepository {
        private final CaseRepository delegate;
        private Runnable beforeDecidedScan;

        DecidingBeforeDecidedScan(CaseRepository delegate, Runnable beforeDecidedScan) {
            this.delegate = delegate;
            this.beforeDecidedScan = beforeDecidedScan;
        }

        @Override
        public Page<ApplicationCase> scan(CaseState state, int limit, String cursor) {
            if (state == CaseState.DECIDED && beforeDecidedScan != null) {
                beforeDecidedScan.run();
                beforeDecidedScan = null;
            }
            return delegate.scan(state, limit, cursor);
        }

        @Override
        public Optional<ApplicationCase> find(String applicationId) {
            return delegate.find(applicationId);
        }

        @Override
        public boolean advanceLatest(StoredScore score) {
            return delegate.advanceLatest(score);
        }

        @Override
        public boolean markDecided(String applicationId, int revision, String outcome, String decidedAt) {
            return delegate.markDecided(applicationId, revision, outcome, decidedAt);
        }

        @Override
        public Page<QueueEntry> queue(RiskBand band, int limit, String cursor) {
            return delegate.queue(band, limit, cursor);
        }
    }
}
