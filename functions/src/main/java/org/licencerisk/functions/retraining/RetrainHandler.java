package org.licencerisk.functions.retraining;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.export.ExportRequest;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.privacy.Pseudonymiser;
import org.licencerisk.model.training.TrainerKind;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The {@code RetrainFunction}: weekly from an EventBridge schedule, or on demand with a payload such as
 * {@code {"splitDate": "2026-06-01", "trainer": "xgboost", "seed": 7, "actor": "ds-ada"}} (every field optional;
 * {@code "exportId"} trains on a completed export of the export function instead of exporting in process).
 * Returns a small summary: {@code status} ({@code registered} or {@code insufficient-data}), and for a registered
 * challenger its version and the comparison with the champion on the same held-out period. Adapts only: the work is
 * {@link RetrainingService#retrain}.
 */
public final class RetrainHandler implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    /** Who registers a challenger from the weekly schedule. */
    public static final String SCHEDULE_ACTOR = "retrain-schedule";
    /** Who registers a challenger from an on-demand invoke that names nobody. */
    public static final String INVOKE_ACTOR = "retrain-invoke";
    private static final Set<String> OVERRIDES = Set.of("splitDate", "trainer", "seed", "actor", "exportId");

    private final Components components;

    public RetrainHandler() {
        this(Components.fromEnvironment());
    }

    public RetrainHandler(Components components) {
        this.components = components;
    }

    /**
     * Retrains once.
     *
     * @throws IllegalArgumentException for an on-demand payload with an unknown field or a malformed value
     */
    @Override
    public Map<String, Object> handleRequest(Map<String, Object> input, Context context) {
        String requestId = context == null ? null : context.getAwsRequestId();
        RetrainingRequest request = request(input == null ? Map.of() : input);
        StructuredLogger logger = components.logger();
        Pseudonymiser pseudonymiser = components.pseudonymisationKeys().pseudonymiser();
        Map<String, Object> summary = new LinkedHashMap<>();
        try {
            RetrainingResult result = components.retrainingService().retrain(request, pseudonymiser,
                    (step, done, total) -> logger.log(StructuredLogger.Level.INFO, requestId, "retrain_progress",
                            Map.of("step", step, "done", done, "total", total)));
            summary.put("status", "registered");
            summary.put("modelVersion", result.modelVersion());
            summary.put("registered", result.registered());
            summary.put("exported", result.export().exported());
            summary.put("trainingCount", result.trainingCount());
            summary.put("comparison", Json.mapper().convertValue(result.comparison(), Map.class));
            logger.log(StructuredLogger.Level.INFO, requestId, "retrain_registered", Map.of(
                    "modelVersion", result.modelVersion(), "heldOut", result.comparison().count()));
        } catch (InsufficientDataException e) {
            summary.put("status", "insufficient-data");
            summary.put("message", e.getMessage());
            logger.log(StructuredLogger.Level.WARN, requestId, "retrain_insufficient_data",
                    Map.of("message", e.getMessage()));
        }
        return summary;
    }

    /** A scheduled event retrains with the defaults; an on-demand payload may override them. */
    private RetrainingRequest request(Map<String, Object> input) {
        long seed = components.config().retrainSeed();
        if ("aws.events".equals(input.get("source"))) {
            return new RetrainingRequest(TrainerKind.LOGISTIC, seed, null, SCHEDULE_ACTOR);
        }
        for (String field : input.keySet()) {
            if (!OVERRIDES.contains(field)) {
                throw new IllegalArgumentException("Unknown field '" + field + "'; an on-demand retraining takes "
                        + "splitDate, trainer, seed, actor and exportId.");
            }
        }
        return new RetrainingRequest(
                input.containsKey("trainer") ? TrainerKind.fromId(String.valueOf(input.get("trainer")))
                        : TrainerKind.LOGISTIC,
                input.containsKey("seed") ? RetrainingRequest.seed(String.valueOf(input.get("seed"))) : seed,
                input.containsKey("splitDate") ? RetrainingRequest.splitDate(String.valueOf(input.get("splitDate")))
                        : null,
                input.containsKey("actor") ? String.valueOf(input.get("actor")) : INVOKE_ACTOR,
                input.containsKey("exportId") ? new ExportRequest(String.valueOf(input.get("exportId")), null).exportId()
                        : null);
    }
}
