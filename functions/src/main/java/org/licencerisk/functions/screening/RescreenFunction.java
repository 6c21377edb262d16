package org.licencerisk.functions.screening;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.logging.StructuredLogger;

import java.util.List;
import java.util.Map;

/**
 * The {@code RescreenFunction}: started by the denials table's stream when the register's change counter moves (the
 * template's filter passes only that item), or invoked on demand with {@code {}}. Re-screens the undecided applications
 * against the register as it is now ({@link RescreenService#run}); returns and logs counts only. Adapts only.
 */
public final class RescreenFunction implements RequestHandler<DynamodbEvent, Map<String, Object>> {

    private final Components components;

    public RescreenFunction() {
        this(Components.fromEnvironment());
    }

    public RescreenFunction(Components components) {
        this.components = components;
    }

    @Override
    public Map<String, Object> handleRequest(DynamodbEvent event, Context context) {
        String requestId = context == null ? null : context.getAwsRequestId();
        List<DynamodbEvent.DynamodbStreamRecord> records = event == null || event.getRecords() == null
                ? List.of() : event.getRecords();
        RescreenRun run = components.rescreenService().run();
        Map<String, Object> fields = run.logFields();
        fields.put("records", records.size());
        components.logger().log(StructuredLogger.Level.INFO, requestId, "rescreen_stopped", fields);
        return fields;
    }
}
