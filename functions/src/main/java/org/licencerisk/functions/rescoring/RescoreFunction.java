package org.licencerisk.functions.rescoring;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.jobs.JobStatus;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.model.artifact.ArtifactException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code RescoreFunction}: triggered by the models table's stream when the champion pointer changes or a
 * re-scoring job saves a RUNNING checkpoint (the template's filter passes only those), or invoked on demand with an
 * empty payload ({@code {}}). Runs {@link RescoreService#run} until {@link #MARGIN_MILLIS} before the invocation's
 * time is up; a job cut off there is RUNNING with its checkpoint, whose stream record triggers the next invocation,
 * which resumes it. Logs a {@code rescore_progress} line per page; returns a summary (no application content).
 * Adapts only.
 */
public final class RescoreFunction implements RequestHandler<DynamodbEvent, Map<String, Object>> {

    /** Time kept back for the last page and the checkpoint: a page of 100 takes about a second (BENCHMARKS.md). */
    public static final long MARGIN_MILLIS = 30_000;
    private static final String POINTER = "POINTER";
    private static final String RESCORE_JOBS = "JOB#" + org.licencerisk.functions.jobs.JobKind.RESCORE.name();

    private final Components components;

    public RescoreFunction() {
        this(Components.fromEnvironment());
    }

    public RescoreFunction(Components components) {
        this.components = components;
    }

    /**
     * Re-scores, or ignores an event none of whose records is the champion pointer or a running re-scoring job.
     *
     * @throws IllegalArgumentException for a stream record without its {@code dynamodb} section or key
     */
    @Override
    public Map<String, Object> handleRequest(DynamodbEvent event, Context context) {
        String requestId = context == null ? null : context.getAwsRequestId();
        StructuredLogger log = components.logger();
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null
                ? List.of() : event.getRecords();
        Map<String, Object> summary = new LinkedHashMap<>();
        if (!records.isEmpty() && records.stream().noneMatch(RescoreFunction::triggers)) {
            summary.put("status", "IGNORED");
            summary.put("records", records.size());
            log.log(StructuredLogger.Level.INFO, requestId, "rescore_ignored", Map.of("records", records.size()));
            return summary;
        }
        TimeBudget budget = context == null ? TimeBudget.unlimited()
                : TimeBudget.remaining(context::getRemainingTimeInMillis, MARGIN_MILLIS);
        RescoreRun run;
        try {
            run = components.rescoreService().run(budget, p -> log.log(StructuredLogger.Level.INFO, requestId,
                    "rescore_progress", p.logFields()));
        } catch (ArtifactException e) {
            // Retrying cannot help until the registry changes; the next pointer change triggers a new job.
            summary.put("status", "REFUSED");
            log.log(StructuredLogger.Level.ERROR, requestId, "rescore_refused", Map.of("reason", e.getMessage()));
            return summary;
        }
        log.log(StructuredLogger.Level.INFO, requestId, "rescore_stopped", run.logFields());
        return run.summary();
    }

    /** Whether a record is the champion pointer or a running re-scoring job (the template's filter, checked again). */
    static boolean triggers(DynamodbEvent.DynamodbStreamRecord record) {
        if (record == null || record.getDynamodb() == null) {
            throw new IllegalArgumentException("A stream record has no 'dynamodb' section; the re-scoring function "
                    + "takes DynamoDB stream events of the models table, or an empty payload to run on demand.");
        }
        Map<String, AttributeValue> image = record.getDynamodb().getNewImage();
        if (image == null) {
            // A removal (or a stream without NEW_IMAGE): nothing to start.
            return false;
        }
        AttributeValue registry = image.get("registry");
        if (registry == null || registry.getS() == null) {
            throw new IllegalArgumentException("A stream record's new image has no 'registry' key; it is not an item "
                    + "of the models table.");
        }
        if (POINTER.equals(registry.getS())) {
            return true;
        }
        AttributeValue status = image.get("jobStatus");
        return RESCORE_JOBS.equals(registry.getS()) && status != null
                && JobStatus.RUNNING.name().equals(status.getS());
    }
}
