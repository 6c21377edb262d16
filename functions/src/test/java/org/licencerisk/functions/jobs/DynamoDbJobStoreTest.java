package org.licencerisk.functions.jobs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.testing.TestStack;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checkpoints survive a restart, and of two workers advancing one job exactly one succeeds (dynalite). */
class DynamoDbJobStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private TestStack stack;
    private JobStore jobs;

    @BeforeEach
    void setUp() {
        stack = TestStack.create();
        jobs = new DynamoDbJobStore(stack.client(), stack.config().modelsTable());
    }

    @Test
    void aJobResumesFromItsLastSavedCheckpoint() {
        JobCheckpoint first = JobCheckpoint.start(JobKind.EXPORT, "export-1", Map.of("out", "exports/export-1/"), T0);
        assertTrue(jobs.start(first));
        JobCheckpoint second = first.advance("cursor-1", Map.of("seen", 500L), T0.plusSeconds(5));
        assertTrue(jobs.save(second));

        JobCheckpoint read = jobs.find(JobKind.EXPORT, "export-1").orElseThrow();
        assertEquals(second, read);
        assertEquals("cursor-1", read.cursor());
        assertEquals(500L, read.count("seen"));
        assertEquals(0L, read.count("written"));
        assertEquals("exports/export-1/", read.details().get("out"));
        assertTrue(read.running());
    }

    @Test
    void ofTwoWorkersAdvancingTheSameCheckpointOnlyOneSucceeds() {
        JobCheckpoint first = JobCheckpoint.start(JobKind.RESCORE, "000000000002", Map.of(), T0);
        assertTrue(jobs.start(first));
        assertFalse(jobs.start(first), "a job starts once");

        assertTrue(jobs.save(first.advance("a", Map.of("seen", 1L), T0.plusSeconds(1))));
        assertFalse(jobs.save(first.advance("b", Map.of("seen", 2L), T0.plusSeconds(2))), "a stale worker loses");
        assertEquals("a", jobs.find(JobKind.RESCORE, "000000000002").orElseThrow().cursor());
    }

    @Test
    void aFinishedJobKeepsItsCountsAndCannotBeAdvanced() {
        JobCheckpoint first = JobCheckpoint.start(JobKind.RESCORE, "000000000003", Map.of("model", "m-1"), T0);
        jobs.start(first);
        JobCheckpoint done = first.finish(JobStatus.COMPLETE, Map.of("rescored", 42L), T0.plusSeconds(9));
        assertTrue(jobs.save(done));

        JobCheckpoint read = jobs.find(JobKind.RESCORE, "000000000003").orElseThrow();
        assertEquals(JobStatus.COMPLETE, read.status());
        assertNull(read.cursor());
        assertEquals(42L, read.count("rescored"));
        assertThrows(IllegalStateException.class, () -> read.advance("x", Map.of(), T0));
    }

    @Test
    void jobsAreListedByKindInIdOrderAndApartFromTheRegistry() {
        jobs.start(JobCheckpoint.start(JobKind.RESCORE, "000000000002", Map.of(), T0));
        jobs.start(JobCheckpoint.start(JobKind.RESCORE, "000000000001", Map.of(), T0));
        jobs.start(JobCheckpoint.start(JobKind.EXPORT, "e", Map.of(), T0));

        List<JobCheckpoint> rescores = jobs.list(JobKind.RESCORE);
        assertEquals(List.of("000000000001", "000000000002"), rescores.stream().map(JobCheckpoint::jobId).toList());
        assertEquals(1, jobs.list(JobKind.EXPORT).size());
        assertTrue(stack.components().registry().list().isEmpty(), "job items are not models");
        assertTrue(jobs.find(JobKind.EXPORT, "missing").isEmpty());
    }

    @Test
    void badCheckpointsAreRefusedWithASentence() {
        IllegalArgumentException blank = assertThrows(IllegalArgumentException.class,
                () -> JobCheckpoint.start(JobKind.EXPORT, " ", Map.of(), T0));
        assertTrue(blank.getMessage().endsWith("."));
        JobCheckpoint first = JobCheckpoint.start(JobKind.EXPORT, "e", Map.of(), T0);
        assertThrows(IllegalArgumentException.class, () -> jobs.save(first));
        assertThrows(IllegalArgumentException.class, () -> jobs.start(first.advance("c", Map.of(), T0)));
        assertThrows(IllegalArgumentException.class, () -> first.finish(JobStatus.RUNNING, Map.of(), T0));
    }
}
