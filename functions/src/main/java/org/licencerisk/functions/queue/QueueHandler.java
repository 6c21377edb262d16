package org.licencerisk.functions.queue;

import org.licencerisk.functions.Components;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.http.HttpApiHandler;
import org.licencerisk.functions.http.RoleRequirement;
import org.licencerisk.functions.logging.StructuredLogger;


/**
 * {@code GET /v1/queue?band=&limit=&cursor=}: undecided applications, riskiest first. Only callers whose token grants
 * {@code OFFICER_SCOPE} get through; others get 403.
 */
public final class QueueHandler implements HttpApiHandler {

    /** The route. */
    public static final String PATH = "/v1/queue";

    private final ApiDispatcher api;

    /** For Lambda. */
    public QueueHandler() {
        this(Components.fromEnvironment());
    }

    /** For tests and the local server. */
    public QueueHandler(Components components) {
        this(components.queueService(), components.config().officer(), components.logger());
    }

    QueueHandler(QueueService queue, RoleRequirement officer, StructuredLogger log) {
        this.api = ApiDispatcher.builder(log)
                .get(PATH, officer, r -> ApiResponse.ok(queue.page(r.query("band"), r.intQuery("limit", 50, 1, 100),
                        r.query("cursor"))))
                .build();
    }

    @Override
    public ApiDispatcher dispatcher() {
        return api;
    }
}
