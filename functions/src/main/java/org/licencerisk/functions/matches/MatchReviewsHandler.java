package org.licencerisk.functions.matches;

import org.licencerisk.functions.Components;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiRequest;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.http.HttpApiHandler;
import org.licencerisk.functions.http.RoleRequirement;
import org.licencerisk.functions.logging.StructuredLogger;

import java.util.Map;

/**
 * {@code PUT /v1/applications/{applicationId}/denial-matches/{denialId}} (an officer confirms or dismisses a match)
 * and {@code GET /v1/applications/{applicationId}/denial-matches} (matches, reviews, consultations). Officers only.
 */
public final class MatchReviewsHandler implements HttpApiHandler {

    public static final String PATH = "/v1/applications/{applicationId}/denial-matches/{denialId}";
    public static final String CASE_PATH = "/v1/applications/{applicationId}/denial-matches";

    private final MatchReviewService service;
    private final ApiDispatcher api;

    /** For Lambda. */
    public MatchReviewsHandler() {
        this(Components.fromEnvironment());
    }

    /** For tests and the local server. */
    public MatchReviewsHandler(Components components) {
        this(components.matchReviews(), components.config().officer(), components.logger());
    }

    MatchReviewsHandler(MatchReviewService service, RoleRequirement officer, StructuredLogger log) {
        this.service = service;
        this.api = ApiDispatcher.builder(log)
                .put(PATH, officer, this::put)
                .get(CASE_PATH, officer, r -> ApiResponse.ok(service.matchCase(r.applicationId())))
                .build();
    }

    @Override
    public ApiDispatcher dispatcher() {
        return api;
    }

    private ApiResponse put(ApiRequest request) {
        MatchReview review = service.review(request.applicationId(), request.path("denialId"), request.body(),
                request.subject());
        return new ApiResponse(201, review, Map.of(), Map.of())
                .withLog("applicationId", review.applicationId())
                .withLog("denialId", review.denialId())
                .withLog("verdict", review.verdict().name());
    }
}
