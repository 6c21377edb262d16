package org.licencerisk.functions.local;

import org.licencerisk.model.json.Json;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * One HTTP response of the local gateway.
 *
 * @param status  the status
 * @param headers header name and value pairs, in order (a name may repeat)
 * @param body    the body (empty when none)
 */
record LocalResponse(int status, List<Map.Entry<String, String>> headers, byte[] body) {

    /** The media type of every error the local server answers itself. */
    static final String PROBLEM_JSON = "application/problem+json";

    /**
     * An error the gateway answers before any function runs, as RFC 9457 problem details: {@code type}
     * {@code about:blank}, the status's {@code title}, and a {@code detail} sentence. API Gateway's own field,
     * {@code message}, carries the same sentence for clients written against it.
     */
    static LocalResponse problem(int status, String detail) {
        return new LocalResponse(status, List.of(Map.entry("Content-Type", PROBLEM_JSON)), problemBody(status, detail));
    }

    /** The bytes of a gateway problem (also used by the HTTP server's own error answers). */
    static byte[] problemBody(int status, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", title(status));
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("message", detail);
        try {
            return Json.mapper().writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reason phrase of the statuses the gateway answers itself. */
    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 411 -> "Length Required";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            case 505 -> "HTTP Version Not Supported";
            default -> status >= 500 ? "Server Error" : "Client Error";
        };
    }
}
