package org.licencerisk.functions.rescoring;

import org.licencerisk.functions.jobs.JobCheckpoint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one run of the re-scoring job did.
 *
 * @param stop       why it stopped
 * @param checkpoint the job's last checkpoint, or {@code null} when there is no champion (so no job)
 */
public record RescoreRun(Stop stop, JobCheckpoint checkpoint) {

    /**
     * The run as the function returns it, the command line prints it and the logs record it: {@code status} (why it
     * stopped), and for a job {@code jobId}, {@code jobStatus}, {@code championVersion} and every count in
     * {@link RescoreService#COUNTS} order. Identifiers and numbers only.
     */
    public Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("status", stop.name());
        if (checkpoint != null) {
            summary.put("jobId", checkpoint.jobId());
            summary.put("jobStatus", checkpoint.status().name());
            summary.put("championVersion", checkpoint.details().get(RescoreService.CHAMPION_VERSION));
            Map<String, Long> counts = new LinkedHashMap<>();
            RescoreService.COUNTS.forEach(c -> counts.put(c, checkpoint.count(c)));
            summary.put("counts", counts);
        }
        return summary;
    }

    /** The {@link #summary()} flattened for a log line: the counts as fields of their own. */
    public Map<String, Object> logFields() {
        Map<String, Object> fields = summary();
        fields.remove("counts");
        if (checkpoint != null) {
            fields.putAll(checkpoint.counts());
        }
        return fields;
    }

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
