package org.licencerisk.functions.shadow;

import org.licencerisk.functions.Components;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiRequest;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.http.HttpApiHandler;
import org.licencerisk.functions.http.RoleRequirement;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.models.ModelDetail;


/**
 * {@code PUT} and {@code DELETE /v1/models/{modelVersion}/shadow} (start and stop shadow mode) and
 * {@code GET /v1/models/{modelVersion}/comparison} (the model against a baseline, the champion by default): data
 * scientists only, like promotion; others get 403.
 */
public final class ShadowHandler implements HttpApiHandler {

    /** The shadow-mode route. */
    public static final String SHADOW = "/v1/models/{modelVersion}/shadow";
    /** The comparison route. */
    public static final String COMPARISON = "/v1/models/{modelVersion}/comparison";

    private final ApiDispatcher api;

    /** For Lambda. */
    public ShadowHandler() {
        this(Components.fromEnvironment());
    }

    /** For tests and the local server. */
    public ShadowHandler(Components components) {
        this(components.shadowService(), components.shadowComparison(), components.config().dataScientist(),
                components.logger());
    }

    ShadowHandler(ShadowService service, ShadowComparison comparison, RoleRequirement dataScientist,
                  StructuredLogger log) {
        this.api = ApiDispatcher.builder(log)
                .putWithoutBody(SHADOW, dataScientist, r -> changed(service.start(r.path("modelVersion"), actor(r))))
                .delete(SHADOW, dataScientist, r -> changed(service.stop(r.path("modelVersion"), actor(r))))
                .get(COMPARISON, dataScientist, r -> compare(comparison, r))
                .build();
    }

    @Override
    public ApiDispatcher dispatcher() {
        return api;
    }

    /** The role requirement has checked that the token names its subject: the actor recorded. */
    private static String actor(ApiRequest request) {
        return request.subject();
    }

    private static ApiResponse changed(ModelDetail model) {
        return ApiResponse.ok(model).withLog("modelVersion", model.modelVersion()).withLog("status", model.status());
    }

    private static ApiResponse compare(ShadowComparison comparison, ApiRequest request) {
        ComparisonReport report = comparison.compare(request.path("modelVersion"), request.query("baseline"),
                request.intQuery("limit", ShadowComparison.DEFAULT_LIMIT, 1, ShadowComparison.MAX_LIMIT));
        return ApiResponse.ok(report).withLog("modelVersion", report.modelVersion())
                .withLog("baselineVersion", report.baselineVersion()).withLog("pairs", report.pairs());
    }
}
