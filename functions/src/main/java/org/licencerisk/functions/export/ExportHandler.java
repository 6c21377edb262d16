package org.licencerisk.functions.export;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.jobs.JobStatus;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.model.json.Json;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The {@code ExportFunction}, invoked on demand (not behind the API): {@code {}} starts a training export into the
 * export bucket, {@code {"exportId": "…"}} resumes one, {@code {"pageSize": 2000}} sets a new export's decided
 * applications per part. Returns {@code {exportId, status, location, parts, decided, exported, withoutContent}};
 * while {@code status} is {@code RUNNING} (it stopped at a part boundary before running out of time) invoke it again
 * with the exportId. Logs one {@code export_part} line per stored part (counts and digest, never contents or the
 * key). Adapts only: the work is {@link ExportJobService#run}.
 */
public final class ExportHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    private final Components components;

    public ExportHandler() {
        this(Components.fromEnvironment());
    }

    public ExportHandler(Components components) {
        this.components = components;
    }

    /**
     * Runs the export until it completes or time runs short.
     *
     * @throws IllegalArgumentException for a payload with an unknown field or a malformed value, or an unknown export
     */
    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String requestId = context == null ? null : context.getAwsRequestId();
        ExportRequest request = ExportRequest.fromPayload(input == null ? Map.of() : input);
        LongSupplier remaining = context == null ? () -> Long.MAX_VALUE : context::getRemainingTimeInMillis;
        StructuredLogger logger = components.logger();
        ExportRun run = components.exportService().run(request, components.pseudonymisationKeys().pseudonymiser(),
                remaining, part -> logger.log(StructuredLogger.Level.INFO, requestId, "export_part", Map.of(
                        "key", part.key(), "rows", part.rows(), "decided", part.decided(),
                        "withoutContent", part.withoutContent(), "sha256", part.sha256())));
        logger.log(StructuredLogger.Level.INFO, requestId,
                run.status() == JobStatus.COMPLETE ? "export_complete" : "export_paused", Map.of(
                        "exportId", run.exportId(), "parts", run.parts(), "decided", run.decided(),
                        "exported", run.exported(), "withoutContent", run.withoutContent()));
        return Json.mapper().convertValue(run, Map.class);
    }
}
