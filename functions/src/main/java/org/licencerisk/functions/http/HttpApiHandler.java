package org.licencerisk.functions.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

import java.util.Map;
import java.util.Set;

/**
 * A Lambda handler behind the HTTP API: it only adapts, handing every event to its {@link ApiDispatcher}, which
 * matches the route, checks the caller's role, calls one service method and maps the result or a typed exception to
 * HTTP. Implementations build their dispatcher in the constructor (binding their own methods) and return it here.
 */
public interface HttpApiHandler extends RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    /** The dispatcher holding this handler's routes. */
    ApiDispatcher dispatcher();

    @Override
    default APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return dispatcher().handle(event, context);
    }

    /** Returns the routes this handler serves: path to methods (the template's routes are checked against them). */
    default Map<String, Set<String>> routes() {
        return dispatcher().routes();
    }
}
