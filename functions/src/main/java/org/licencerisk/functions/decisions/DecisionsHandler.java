package org.licencerisk.functions.decisions;

import org.licencerisk.functions.Components;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiRequest;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.http.HttpApiHandler;
import org.licencerisk.functions.http.RoleRequirement;
import org.licencerisk.functions.logging.StructuredLogger;

import java.util.Map;

/**
 * {@code PUT /v1/applications/{applicationId}/decision}: an officer records (or revises) a decision, in the name of
 * the token's subject. Only callers whose token grants {@code OFFICER_SCOPE} get through; others get 403.
 */
public final class DecisionsHandler implements HttpApiHandler {

    /** The route. */
    public static final String PATH = "/v1/applications/{applicationId}/decision";

    private final DecisionService service;
    private final ApiDispatcher api;

    /** For Lambda. */
    public DecisionsHandler() {
        this(Components.fromEnvironment());
    }

    /** For tests and the local server. */
    public DecisionsHandler(Components components) {
        this(components.decisionService(), components.config().officer(), components.logger());
    }

    DecisionsHandler(DecisionService service, RoleRequirement officer, StructuredLogger log) {
        this.service = service;
        this.api = ApiDispatcher.builder(log).put(PATH, officer, this::put).build();
    }

    @Override
    public ApiDispatcher dispatcher() {
        return api;
    }

    private ApiResponse put(ApiRequest request) {
        DecisionResult result = service.decide(request.applicationId(), request.body(), request.subject());
        OfficerDecision d = result.decision();
        return new ApiResponse(result.created() ? 201 : 200, DecisionView.of(d), Map.of(), Map.of())
                .withLog("applicationId", d.applicationId())
                .withLog("revision", d.revision())
                .withLog("created", result.created());
    }
}
