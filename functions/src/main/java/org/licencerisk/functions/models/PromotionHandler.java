package org.licencerisk.functions.models;

import org.licencerisk.functions.Components;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiRequest;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.http.HttpApiHandler;
import org.licencerisk.functions.http.ListBody;
import org.licencerisk.functions.http.RoleRequirement;
import org.licencerisk.functions.logging.StructuredLogger;


/**
 * {@code POST /v1/models/{modelVersion}/promote} and {@code GET /v1/promotions}: data scientists change the champion
 * (or roll back) and read the audit trail. Only callers whose token grants {@code DATA_SCIENTIST_SCOPE} get through;
 * others get 403.
 */
public final class PromotionHandler implements HttpApiHandler {

    /** The promotion route. */
    public static final String PROMOTE = "/v1/models/{modelVersion}/promote";
    /** The audit route. */
    public static final String HISTORY = "/v1/promotions";

    private final PromotionService service;
    private final ApiDispatcher api;

    /** For Lambda. */
    public PromotionHandler() {
        this(Components.fromEnvironment());
    }

    /** For tests and the local server. */
    public PromotionHandler(Components components) {
        this(components.promotionService(), components.config().dataScientist(), components.logger());
    }

    PromotionHandler(PromotionService service, RoleRequirement dataScientist, StructuredLogger log) {
        this.service = service;
        this.api = ApiDispatcher.builder(log)
                .post(PROMOTE, dataScientist, this::promote)
                .get(HISTORY, dataScientist, this::history)
                .build();
    }

    @Override
    public ApiDispatcher dispatcher() {
        return api;
    }

    private ApiResponse promote(ApiRequest request) {
        // The role requirement has checked that the token names its subject: the actor recorded.
        PromotionRecord change = service.promote(request.path("modelVersion"), request.subject(),
                PromotionRequest.parse(request.body()));
        return ApiResponse.ok(change)
                .withLog("modelVersion", change.toVersion())
                .withLog("fromVersion", change.fromVersion())
                .withLog("revision", change.revision())
                .withLog("forced", change.forced());
    }

    private ApiResponse history(ApiRequest request) {
        return ApiResponse.ok(new ListBody<>(service.history(), null));
    }
}
