package org.licencerisk.functions.scores;

import org.licencerisk.functions.Components;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.http.HttpApiHandler;
import org.licencerisk.functions.logging.StructuredLogger;


/** Officers read an application's scores: the latest, the history (newest first) and one score by id. */
public final class ApplicationScoresHandler implements HttpApiHandler {

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
    public ApiDispatcher dispatcher() {
        return api;
    }
}
