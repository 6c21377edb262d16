package org.licencerisk.functions.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * A handler's response as API Gateway would read it.
 *
 * @param status  the status code
 * @param headers the headers
 * @param body    the parsed JSON body
 */
public record TestResponse(int status, Map<String, String> headers, JsonNode body) {

    /** A header, or {@code null}. */
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
