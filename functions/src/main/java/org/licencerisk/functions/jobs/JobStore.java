package org.licencerisk.functions.jobs;

import java.util.List;
import java.util.Optional;

/** Stores batch jobs' checkpoints. Every write is a single-item conditional put. Thread-safe. */
public interface JobStore {

    /** Reads a job's latest checkpoint (strongly consistent), empty when the job never started. */
    Optional<JobCheckpoint> find(JobKind kind, String jobId);

    /**
     * Saves the first checkpoint of a job (sequence 0) unless the job exists.
     *
     * @return whether this call started it; {@code false} when another worker (or an earlier run) did
     */
    boolean start(JobCheckpoint first);

    /**
     * Saves {@code next} if the stored checkpoint is still the one before it ({@code next.sequence() - 1}).
     *
     * @return whether it was saved; {@code false} when another worker advanced the job first, in which case this
     *         worker must stop and re-read
     */
    boolean save(JobCheckpoint next);

    /** Returns the jobs of a kind, in job-id order. */
    List<JobCheckpoint> list(JobKind kind);
}
