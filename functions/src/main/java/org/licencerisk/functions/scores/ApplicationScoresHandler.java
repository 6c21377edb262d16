package org.licencerisk.functions.scores;

import org.licencerisk.functions.Components;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.http.HttpApiHandler;
import org.licencerisk.functions.http.RoleRequirement;
import org.licencerisk.functions.logging.StructuredLogger;


/**
 * Officers (and data scientists) read an application's scores: the latest, the history (newest first) and one score by
 * id. Callers without either role get 403.
 */
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
        this(components.scoreQueries(), components.config().reader(), components.logger());
    }

    ApplicationScoresHandler(ScoreQueries queries, RoleRequirement reader, StructuredLogger log) {
        this.api = ApiDispatcher.builder(log)
                .get(LATEST, reader, r -> ApiResponse.ok(queries.latest(r.applicationId())).withLog("applicationId", r.applicationId()))
                .get(HISTORY, reader, r -> ApiResponse.ok(queries.history(r.applicationId(), r.intQuery("limit", 20, 1, 100),
                        r.query("cursor"))).withLog("applicationId", r.applicationId()))
                .get(ONE, reader, r -> ApiResponse.ok(queries.get(r.applicationId(), r.path("scoreId")))
                        .withLog("applicationId", r.applicationId()))
                .build();
    }

    @Override
    public ApiDispatcher dispatcher() {
        return api;
    }
}
