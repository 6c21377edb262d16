package org.licencerisk.functions.local;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the local gateway sees it, independent of the HTTP server that received it.
 *
 * @param method   the method
 * @param rawPath  the path, still percent-encoded
 * @param rawQuery the query string, still encoded, or {@code null}
 * @param headers  the headers by lower-case name, in arrival order
 * @param body     the body (empty when none)
 * @param sourceIp the client's address
 * @param protocol the protocol, e.g. {@code HTTP/1.1}
 */
record LocalRequest(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body,
                    String sourceIp, String protocol) {

    /** The first value of a header (by lower-case name), or {@code null}. */
    String header(String lowerCaseName) {
        List<String> values = headers.get(lowerCaseName);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
