package org.licencerisk.functions.http;

/** One method on one route: turns a checked request into a response or throws an {@link ApiException}. */
@FunctionalInterface
public interface Endpoint {

    /** Handles the request. */
    ApiResponse handle(ApiRequest request);
}
