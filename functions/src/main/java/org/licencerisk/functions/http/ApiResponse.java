package org.licencerisk.functions.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an endpoint returns: a status, a body to write as JSON, extra headers and fields for the request's log line.
 *
 * @param status    the HTTP status
 * @param body      the body, serialised with the shared mapper
 * @param headers   extra headers such as {@code Location}
 * @param logFields identifiers and measurements for the request's log line (never application contents)
 */
public record ApiResponse(int status, Object body, Map<String, String> headers, Map<String, Object> logFields) {

    public ApiResponse {
        headers = Map.copyOf(headers);
        logFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(logFields));
    }

    /** A 200 with a body. */
    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of(), Map.of());
    }

    /** Returns a copy with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiResponse(status, body, h, logFields);
    }

    /** Returns a copy with one more log field. */
    public ApiResponse withLog(String name, Object value) {
        Map<String, Object> f = new LinkedHashMap<>(logFields);
        f.put(name, value);
        return new ApiResponse(status, body, headers, f);
    }
}
