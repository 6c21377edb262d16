package org.licencerisk.functions.http;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an endpoint needs from an API Gateway event, already checked for method, size and media type.
 *
 * @param requestId       the Lambda request id (logs use it)
 * @param method          the HTTP method, upper case
 * @param route           the route's path template, e.g. {@code /v1/applications/{applicationId}/scores}
 * @param pathParameters  the route's path parameters
 * @param queryParameters the query parameters (API Gateway joins repeated ones with commas)
 * @param body            the decoded request body, or {@code null}
 * @param caller          who sent it, as the gateway proved it ({@link Caller#of}); record actors from it only
 */
public record ApiRequest(String requestId, String method, String route, Map<String, String> pathParameters,
                         Map<String, String> queryParameters, String body, Caller caller) {

    private static final Pattern APPLICATION_ID = Pattern.compile("[A-Za-z0-9\\-_.:]{1,64}");

    public ApiRequest {
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
        caller = caller == null ? Caller.NONE : caller;
    }

    /** Returns a path parameter, which the route guarantees is present. */
    public String path(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.isEmpty()) {
            throw ApiException.invalid(name, "Is required in the path.");
        }
        return value;
    }

    /**
     * Returns the subject of the caller, which the route's {@link RoleRequirement} has checked: the actor to record.
     *
     * @throws IllegalStateException on a route declared without a role requirement and called without a subject
     */
    public String subject() {
        if (caller.subject() == null) {
            throw new IllegalStateException("A route that records who acted must require a role.");
        }
        return caller.subject();
    }

    /** Returns the {@code applicationId} path parameter, checked against the syntax of application ids. */
    public String applicationId() {
        String id = path("applicationId");
        if (!APPLICATION_ID.matcher(id).matches()) {
            throw ApiException.invalid("applicationId",
                    "Must be 1 to 64 characters: letters, digits, '-', '_', '.' or ':'.");
        }
        return id;
    }

    /** Returns a query parameter, or {@code null}. */
    public String query(String name) {
        String value = queryParameters.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static final Pattern ASCII_WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,9}");

    /** Returns an integer query parameter within bounds, or the default when absent. */
    public int intQuery(String name, int defaultValue, int min, int max) {
        String value = query(name);
        if (value == null) {
            return defaultValue;
        }
        // ASCII digits only: Integer.parseInt also takes other scripts' digits (full-width, Arabic-Indic, ...).
        if (!ASCII_WHOLE_NUMBER.matcher(value).matches()) {
            throw ApiException.invalid(name, "Must be a whole number from " + min + " to " + max + ".");
        }
        int n = Integer.parseInt(value);
        if (n < min || n > max) {
            throw ApiException.invalid(name, "Must be a whole number from " + min + " to " + max + ".");
        }
        return n;
    }
}
