package org.licencerisk.functions.rescoring;

import org.licencerisk.functions.jobs.JobCheckpoint;

/**
 * What one run of the re-scoring job did.
 *
 * @param stop       why it stopped
 * @param checkpoint the job's last checkpoint, or {@code null} when there is no champion (so no job)
 */
public record RescoreRun(Stop stop, JobCheckpoint checkpoint) {

    /** Why a run stopped. */
    public enum Stop {
        /** The registry has no champion yet: nothing to re-score with. */
        NO_CHAMPION,
        /** This run finished the job. */
        COMPLETE,
        /** The job of the current pointer revision had already ended; nothing was done. */
        ALREADY_ENDED,
        /** The pointer moved on during the run: the job was finished as SUPERSEDED. */
        SUPERSEDED,
        /** The time budget ran out at a page boundary; the job is RUNNING with its checkpoint. */
        OUT_OF_TIME,
        /** Another worker saved a checkpoint of the same job first; this one stopped (the other continues). */
        OVERTAKEN
    }
}
