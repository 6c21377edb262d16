package org.licencerisk.functions.jobs;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A batch job's durable progress: what it has done and where to resume.
 *
 * @param kind      the kind of job
 * @param jobId     the job's id within its kind (e.g. the champion pointer's revision, zero-padded, for re-scoring)
 * @param status    where it stands
 * @param sequence  how many checkpoints have been saved before this one (0 for the first); each save must name the
 *                  next number, so of two workers advancing the same job only one succeeds
 * @param cursor    the opaque position to resume after (a scan cursor), or {@code null} at the start or the end
 * @param counts    running totals (e.g. {@code seen}, {@code rescored}, {@code skipped})
 * @param details   facts of the job: fixed ones from the start (e.g. the model version it scores with, where it
 *                  writes) and those its steps add (e.g. the digest of each part an export wrote)
 * @param startedAt when the job started
 * @param updatedAt when this checkpoint was saved
 */
public record JobCheckpoint(JobKind kind, String jobId, JobStatus status, long sequence, String cursor,
                            Map<String, Long> counts, Map<String, String> details, Instant startedAt,
                            Instant updatedAt) {

    public JobCheckpoint {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (jobId == null || jobId.isBlank() || jobId.length() > 200) {
            throw new IllegalArgumentException("A job id must be between 1 and 200 characters long and not blank.");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("A checkpoint's sequence number cannot be negative, but it was "
                    + sequence + ".");
        }
        counts = Map.copyOf(new TreeMap<>(counts));
        details = Map.copyOf(new TreeMap<>(details));
    }

    /** The first checkpoint of a new job: running, at the start, nothing counted. */
    public static JobCheckpoint start(JobKind kind, String jobId, Map<String, String> details, Instant now) {
        return new JobCheckpoint(kind, jobId, JobStatus.RUNNING, 0, null, Map.of(), details, now, now);
    }

    /** The next checkpoint: the same job, still running, at {@code nextCursor} with {@code newCounts}. */
    public JobCheckpoint advance(String nextCursor, Map<String, Long> newCounts, Instant now) {
        requireRunning();
        return new JobCheckpoint(kind, jobId, JobStatus.RUNNING, sequence + 1, nextCursor, newCounts, details,
                startedAt, now);
    }

    /**
     * The next checkpoint, recording facts of the step just done as well (e.g. a written part's digest). Facts only
     * accumulate: a name already recorded keeps its value unless the step re-did it with the same name (a part
     * re-written after a crash), which replaces it.
     */
    public JobCheckpoint advance(String nextCursor, Map<String, Long> newCounts, Map<String, String> addedDetails,
                                 Instant now) {
        requireRunning();
        Map<String, String> all = new TreeMap<>(details);
        all.putAll(addedDetails);
        return new JobCheckpoint(kind, jobId, JobStatus.RUNNING, sequence + 1, nextCursor, newCounts, all, startedAt,
                now);
    }

    /** The last checkpoint: the job ended with {@code ending} (complete or superseded) and {@code finalCounts}. */
    public JobCheckpoint finish(JobStatus ending, Map<String, Long> finalCounts, Instant now) {
        requireRunning();
        if (ending == JobStatus.RUNNING) {
            throw new IllegalArgumentException("A job can only finish as COMPLETE or SUPERSEDED, not RUNNING.");
        }
        return new JobCheckpoint(kind, jobId, ending, sequence + 1, null, finalCounts, details, startedAt, now);
    }

    /** Returns a count, 0 when it was never set. */
    public long count(String name) {
        return counts.getOrDefault(name, 0L);
    }

    /** Whether the job is still running. */
    public boolean running() {
        return status == JobStatus.RUNNING;
    }

    private void requireRunning() {
        if (!running()) {
            throw new IllegalStateException("Job " + kind + " " + jobId + " has ended (" + status
                    + ") and cannot be advanced.");
        }
    }
}
