package org.licencerisk.functions.rescoring;

import org.licencerisk.functions.jobs.JobCheckpoint;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * Where a re-scoring job stands after a page: its checkpoint (counts so far, over every run of the job), the number of
 * undecided applications when it started (an estimate of the total, when known), and this run's pace.
 *
 * @param checkpoint the checkpoint just saved
 * @param seenThisRun the cases this run has looked at
 * @param elapsed     how long this run has taken so far
 */
public record RescoreProgress(JobCheckpoint checkpoint, long seenThisRun, Duration elapsed) {

    /** The count of cases looked at, over every run of the job. */
    public long done() {
        return checkpoint.count(RescoreService.SEEN);
    }

    /** The undecided applications when the job started, when known. */
    public OptionalLong estimatedTotal() {
        String total = checkpoint.details().get(RescoreService.UNDECIDED_AT_START);
        return total == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(total));
    }

    /** This run's pace in cases per second (0 before any time has passed). */
    public double perSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : seenThisRun / seconds;
    }

    /** The fields of a progress log line: job id, done, estimated total, pace, time left and counts (no content). */
    public java.util.Map<String, Object> logFields() {
        java.util.Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("jobId", checkpoint.jobId());
        fields.put("done", done());
        estimatedTotal().ifPresent(total -> fields.put("estimatedTotal", total));
        fields.put("perSecond", Math.round(perSecond() * 10) / 10.0);
        remaining().ifPresent(eta -> fields.put("etaSeconds", eta.toSeconds()));
        fields.putAll(checkpoint.counts());
        return fields;
    }

    /** The estimated time left at this run's pace, when a total is known and the pace is positive. */
    public java.util.Optional<Duration> remaining() {
        OptionalLong total = estimatedTotal();
        double rate = perSecond();
        if (total.isEmpty() || rate <= 0) {
            return java.util.Optional.empty();
        }
        long left = Math.max(0, total.getAsLong() - done());
        return java.util.Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
    }
}
