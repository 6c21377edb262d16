package org.licencerisk.functions.scores;

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

/** Officers read an application's scores: the latest, the history (newest first) and one score by id. */
public final class ApplicationScoresHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** The history route. */
    public static final String HISTORY = "/v1/applications/{applicationId}/scores";
    /** The latest-score route. */
    public static final String LATEST = "/v1/applications/{applicationId}/scores/latest";
    /** The one-score route (the {@code Location} of a created score). */
    public static final String ONE = "/v1/applications/{applicationId}/scores/{scoreId}";

    private final ApiDispatcher api;

    /** For Lambda. */
    public ApplicationScoresHandler() {
        this(Components.fromEnvironment());
    }

    /** For tests and the local server. */
    public ApplicationScoresHandler(Components components) {
        this(components.scoreQueries(), components.logger());
    }

    ApplicationScoresHandler(ScoreQueries queries, StructuredLogger log) {
        this.api = ApiDispatcher.builder(log)
                .get(LATEST, r -> ApiResponse.ok(queries.latest(r.applicationId())).withLog("applicationId", r.applicationId()))
                .get(HISTORY, r -> ApiResponse.ok(queries.history(r.applicationId(), r.intQuery("limit", 20, 1, 100),
                        r.query("cursor"))).withLog("applicationId", r.applicationId()))
                .get(ONE, r -> ApiResponse.ok(queries.get(r.applicationId(), r.path("scoreId")))
                        .withLog("applicationId", r.applicationId()))
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
