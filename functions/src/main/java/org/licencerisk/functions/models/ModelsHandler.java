package org.licencerisk.functions.models;

import org.licencerisk.functions.Components;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.http.HttpApiHandler;
import org.licencerisk.functions.http.RoleRequirement;
import org.licencerisk.functions.logging.StructuredLogger;


/**
 * {@code GET /v1/models} and {@code GET /v1/models/{modelVersion}}: what is deployed, with manifests and metrics, for
 * officers and data scientists.
 */
public final class ModelsHandler implements HttpApiHandler {

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
        this(components.modelCatalogue(), components.config().reader(), components.logger());
    }

    ModelsHandler(ModelCatalogue catalogue, RoleRequirement reader, StructuredLogger log) {
        this.api = ApiDispatcher.builder(log)
                .get(LIST, reader, r -> ApiResponse.ok(catalogue.list()))
                .get(ONE, reader, r -> ApiResponse.ok(catalogue.get(r.path("modelVersion"))))
                .build();
    }

    @Override
    public ApiDispatcher dispatcher() {
        return api;
    }
}
