package org.licencerisk.functions.http;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.licencerisk.functions.errors.ConflictException;
import org.licencerisk.functions.errors.InvalidRequestException;
import org.licencerisk.functions.errors.NotFoundException;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.storage.InvalidCursorException;
import org.licencerisk.functions.storage.StorageUnavailableException;
import org.licencerisk.model.application.InvalidApplicationException;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Routes API Gateway HTTP API events (payload format 2.0) of one route group to endpoints and turns every outcome
 * into a JSON or problem+json response.
 * <p>
 * The template routes {@code ANY} on each path to its function, so that this class can answer 405 with an
 * {@code Allow} header. Checks, in order: route (404), method (405), the route's {@link RoleRequirement} if it has
 * one (403), body size (413), media type (415). The services' exceptions become their problems ({@link Problems}):
 * invalid request 400, not found 404, conflict 409 (with its figures, e.g. a refused promotion's), storage unavailable
 * 503 or 429 with {@code Retry-After}; anything else becomes a 500 whose body names only the request id.
 * Immutable and thread-safe.
 */
public final class ApiDispatcher {

    /** The largest request body accepted, in bytes. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /**
     * The largest answer sent, in bytes of JSON: every list an answer holds is bounded well below it (pages, field
     * problems, band changes); should one ever pass it, the answer is a 500 naming the request id instead of a
     * megabytes-long body (Lambda's own limit is 6 MB, and clients time out long before).
     */
    public static final int MAX_RESPONSE_BYTES = 1024 * 1024;

    private static final String JSON = "application/json";
    private static final String PROBLEM_JSON = "application/problem+json";

    private final Map<String, Map<String, Route>> routes;
    private final StructuredLogger log;

    private ApiDispatcher(Map<String, Map<String, Route>> routes, StructuredLogger log) {
        this.routes = routes;
        this.log = log;
    }

    /** Starts a route table. */
    public static Builder builder(StructuredLogger log) {
        return new Builder(log);
    }

    /** Returns the route group: path template to the methods it allows. */
    public Map<String, Set<String>> routes() {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        routes.forEach((path, methods) -> out.put(path, Collections.unmodifiableSet(new TreeSet<>(methods.keySet()))));
        return Collections.unmodifiableMap(out);
    }

    /** Handles one event. */
    public APIGatewayV2HTTPResponse handle(APIGatewayV2HTTPEvent event, Context context) {
        long start = System.nanoTime();
        String requestId = requestId(event, context);
        String method = method(event);
        String route = route(event);
        ApiResponse response;
        try {
            response = dispatch(event, requestId, method, route);
        } catch (ApiException e) {
            response = problem(e.toProblem());
        } catch (InvalidRequestException | NotFoundException | ConflictException e) {
            response = problem(Problems.of(e));
        } catch (InvalidApplicationException e) {
            response = problem(ApiException.invalid(
                    "The licence application has " + e.problems().size() + " invalid field(s).", e.problems()).toProblem());
        } catch (InvalidCursorException e) {
            response = problem(ApiException.invalid("cursor", e.getMessage()).toProblem());
        } catch (StorageUnavailableException e) {
            ProblemType type = e.throttled() ? ProblemType.THROTTLED : ProblemType.UNAVAILABLE;
            response = problem(new Problem(type.uri(), type.title(), type.status(), e.getMessage(), null))
                    .withHeader("Retry-After", Integer.toString(e.retryAfterSeconds()))
                    .withLog("storageError", e.errorCode());
        } catch (RuntimeException e) {
            response = internalError(requestId, e);
        }
        APIGatewayV2HTTPResponse out = toEvent(response, requestId);
        int bytes = out.getBody().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_RESPONSE_BYTES) {
            Map<String, Object> tooLarge = new LinkedHashMap<>();
            tooLarge.put("route", route);
            tooLarge.put("status", response.status());
            tooLarge.put("bytes", bytes);
            log.log(StructuredLogger.Level.ERROR, requestId, "response_too_large", tooLarge);
            response = problem(new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500,
                    "The answer would have been larger than " + MAX_RESPONSE_BYTES / 1024 + " KiB; it was logged under"
                            + " request id " + requestId + ".", null));
            out = toEvent(response, requestId);
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", method);
        fields.put("route", route);
        fields.put("status", response.status());
        fields.put("latencyMs", (System.nanoTime() - start) / 1e6);
        fields.putAll(response.logFields());
        log.log(response.status() >= 500 ? StructuredLogger.Level.ERROR : StructuredLogger.Level.INFO,
                requestId, "request", fields);
        return out;
    }

    private ApiResponse dispatch(APIGatewayV2HTTPEvent event, String requestId, String method, String route) {
        Map<String, Route> methods = routes.get(route);
        if (methods == null) {
            throw ApiException.notFound("No resource is served at this path.");
        }
        Route target = methods.get(method);
        if (target == null) {
            return problem(new ApiException(ProblemType.METHOD_NOT_ALLOWED, "This resource allows only "
                    + String.join(", ", new TreeSet<>(methods.keySet())) + ".").toProblem())
                    .withHeader("Allow", String.join(", ", new TreeSet<>(methods.keySet())));
        }
        ApiRequest request = new ApiRequest(requestId, method, route, event.getPathParameters(),
                event.getQueryStringParameters(), null, Caller.of(event));
        if (target.role() != null) {
            target.role().check(request.caller());
        }
        if (target.takesBody()) {
            String body = body(event);
            checkMediaType(event.getHeaders());
            request = new ApiRequest(requestId, method, route, request.pathParameters(), request.queryParameters(),
                    body, request.caller());
        }
        return target.endpoint().handle(request);
    }

    private static String body(APIGatewayV2HTTPEvent event) {
        String raw = event.getBody();
        if (raw == null) {
            return "";
        }
        byte[] bytes;
        if (event.getIsBase64Encoded()) {
            if (raw.length() > (MAX_BODY_BYTES / 3 + 1) * 4) {
                throw tooLarge();
            }
            try {
                bytes = Base64.getDecoder().decode(raw);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("$", "The body is not valid base64 although the request says it is.");
            }
        } else {
            if (raw.length() > MAX_BODY_BYTES) {
                throw tooLarge();
            }
            bytes = raw.getBytes(StandardCharsets.UTF_8);
        }
        if (bytes.length > MAX_BODY_BYTES) {
            throw tooLarge();
        }
        try {
            // Strict: a lenient decoder would store U+FFFD in place of the bytes the client sent.
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.invalid("$", "The body is not valid UTF-8.");
        }
    }

    private static ApiException tooLarge() {
        return new ApiException(ProblemType.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + MAX_BODY_BYTES / 1024 + " KiB.");
    }

    /**
     * Accepts {@code application/json}, optionally with {@code charset=utf-8}, and nothing else: not {@code +json}
     * suffixes, other parameters, or a {@code Content-Encoding} other than {@code identity} (API Gateway passes a
     * compressed body on as it is).
     */
    private static void checkMediaType(Map<String, String> headers) {
        String contentType = header(headers, "content-type");
        if (contentType == null) {
            throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The request has no Content-Type; send the body as application/json.");
        }
        String[] parts = contentType.split(";", -1);
        if (!parts[0].trim().equalsIgnoreCase(JSON)) {
            throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The Content-Type must be application/json.");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].trim().split("=", 2);
            if (!kv[0].trim().equalsIgnoreCase("charset") || kv.length != 2) {
                throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "The Content-Type must be application/json, with at most a charset parameter.");
            }
            if (!kv[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The body must be encoded as UTF-8.");
            }
        }
        String encoding = header(headers, "content-encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            throw new ApiException(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "The body must not be compressed: no Content-Encoding other than identity is accepted.");
        }
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (context != null && context.getAwsRequestId() != null) {
            return context.getAwsRequestId();
        }
        APIGatewayV2HTTPEvent.RequestContext rc = event.getRequestContext();
        return rc == null ? null : rc.getRequestId();
    }

    private static String method(APIGatewayV2HTTPEvent event) {
        APIGatewayV2HTTPEvent.RequestContext rc = event.getRequestContext();
        if (rc == null || rc.getHttp() == null || rc.getHttp().getMethod() == null) {
            return "";
        }
        return rc.getHttp().getMethod().toUpperCase(Locale.ROOT);
    }

    private static String route(APIGatewayV2HTTPEvent event) {
        String key = event.getRouteKey();
        if (key == null) {
            return "";
        }
        int space = key.indexOf(' ');
        return space < 0 ? key : key.substring(space + 1);
    }

    private static ApiResponse problem(Problem problem) {
        return new ApiResponse(problem.status(), problem, Map.of(), Map.of()).withLog("problem", problem.type());
    }

    private ApiResponse internalError(String requestId, RuntimeException e) {
        // Only the exception's class and where it was thrown: messages may quote request content.
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("exception", e.getClass().getName());
        fields.put("at", at == null ? null : at.getClassName() + "." + at.getMethodName() + ":" + at.getLineNumber());
        log.log(StructuredLogger.Level.ERROR, requestId, "unexpected_exception", fields);
        return problem(new Problem(ProblemType.INTERNAL.uri(), ProblemType.INTERNAL.title(), 500,
                "The request could not be completed because of an internal error; it was logged under request id "
                        + requestId + ".", null));
    }

    private static APIGatewayV2HTTPResponse toEvent(ApiResponse response, String requestId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", response.body() instanceof Problem ? PROBLEM_JSON : JSON);
        headers.put("Cache-Control", "no-store");
        if (requestId != null) {
            headers.put("X-Request-Id", requestId);
        }
        headers.putAll(response.headers());
        String body = FiniteJson.write(response.body());
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(response.status())
                .withHeaders(headers)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }

    /**
     * One method on one route: its endpoint, the role it requires ({@code null} for none) and whether it reads a
     * JSON body (then the size and media-type checks apply).
     */
    private record Route(Endpoint endpoint, RoleRequirement role, boolean takesBody) {
    }

    /** Builds the route table of one route group. */
    public static final class Builder {
        private final StructuredLogger log;
        private final Map<String, Map<String, Route>> routes = new LinkedHashMap<>();

        private Builder(StructuredLogger log) {
            this.log = log;
        }

        /** Adds {@code GET path}, open to every caller the gateway lets through. */
        public Builder get(String path, Endpoint endpoint) {
            return add("GET", path, null, endpoint);
        }

        /** Adds {@code GET path} for callers with {@code role} only. */
        public Builder get(String path, RoleRequirement role, Endpoint endpoint) {
            return add("GET", path, required(role), endpoint);
        }

        /** Adds {@code POST path}; the request must carry a JSON body. */
        public Builder post(String path, Endpoint endpoint) {
            return add("POST", path, null, endpoint);
        }

        /** Adds {@code POST path} for callers with {@code role} only; the request must carry a JSON body. */
        public Builder post(String path, RoleRequirement role, Endpoint endpoint) {
            return add("POST", path, required(role), endpoint);
        }

        /** Adds {@code PUT path} for callers with {@code role} only; the request must carry a JSON body. */
        public Builder put(String path, RoleRequirement role, Endpoint endpoint) {
            return add("PUT", path, required(role), endpoint);
        }

        /**
         * Adds {@code PUT path} for callers with {@code role} only, for a state the path itself names (e.g. a model's
         * shadow mode): no body is read, so neither Content-Type nor a body is required.
         */
        public Builder putWithoutBody(String path, RoleRequirement role, Endpoint endpoint) {
            return add("PUT", path, required(role), endpoint, false);
        }

        /** Adds {@code DELETE path} for callers with {@code role} only; no body is read. */
        public Builder delete(String path, RoleRequirement role, Endpoint endpoint) {
            return add("DELETE", path, required(role), endpoint, false);
        }

        private static RoleRequirement required(RoleRequirement role) {
            if (role == null) {
                throw new IllegalArgumentException("A route declared with a role requirement needs one.");
            }
            return role;
        }

        private Builder add(String method, String path, RoleRequirement role, Endpoint endpoint) {
            return add(method, path, role, endpoint, method.equals("POST") || method.equals("PUT"));
        }

        private Builder add(String method, String path, RoleRequirement role, Endpoint endpoint, boolean takesBody) {
            Route route = new Route(endpoint, role, takesBody);
            if (routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).putIfAbsent(method, route) != null) {
                throw new IllegalArgumentException("The route " + method + " " + path + " is declared twice.");
            }
            return this;
        }

        /** Returns the dispatcher. */
        public ApiDispatcher build() {
            Map<String, Map<String, Route>> copy = new LinkedHashMap<>();
            routes.forEach((p, m) -> copy.put(p, Map.copyOf(m)));
            return new ApiDispatcher(Collections.unmodifiableMap(copy), log);
        }
    }
}
