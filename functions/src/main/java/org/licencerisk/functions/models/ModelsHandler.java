package org.licencerisk.functions.models;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.logging.StructuredLogger;

import java.util.Map;
import java.util.Set;

/** {@code GET /v1/models} and {@code GET /v1/models/{modelVersion}}: what is deployed, with manifests and metrics. */
public final class ModelsHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** The list route. */
    public static final String LIST = "/v1/models";
    /** The one-model route. */
    public static final String ONE = "/v1/models/{modelVersion}";

    private final ApiDispatcher api;

    /** For Lambda. */
    public ModelsHandler() {
        this(Components.fromEnvironment());
    }

    /** For tests and the local server. */
    public ModelsHandler(Components components) {
        this(components.modelCatalogue(), components.logger());
    }

    ModelsHandler(ModelCatalogue catalogue, StructuredLogger log) {
        this.api = ApiDispatcher.builder(log)
                .get(LIST, r -> ApiResponse.ok(catalogue.list()))
                .get(ONE, r -> ApiResponse.ok(catalogue.get(r.path("modelVersion"))))
                .build();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return api.handle(event, context);
    }

    /** Returns the routes this handler serves. */
    public Map<String, Set<String>> routes() {
        return api.routes();
    }
}
