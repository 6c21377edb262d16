package org.licencerisk.functions.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.functions.local.LambdaEvents;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds API Gateway HTTP API (payload 2.0) events as JSON, starting from a real event captured from API Gateway
 * ({@code events/http-api-v2.json}), and deserialises them with the Lambda runtime's serializer.
 */
public final class Events {

    private static final Pattern PARAM = Pattern.compile("\\{([A-Za-z]+)}");

    private final ObjectNode json;

    private Events(ObjectNode json) {
        this.json = json;
    }

    /** An event for {@code method} on {@code route} (a path template) with the given path parameters filled in. */
    public static Events request(String method, String route, Map<String, String> pathParameters) {
        ObjectNode json;
        try (InputStream in = Events.class.getResourceAsStream("/events/http-api-v2.json")) {
            json = (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("The event fixture is missing.", e);
        }
        Matcher m = PARAM.matcher(route);
        StringBuilder path = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(path, Matcher.quoteReplacement(
                    URLEncoder.encode(pathParameters.get(m.group(1)), StandardCharsets.UTF_8)));
        }
        m.appendTail(path);
        json.put("routeKey", "ANY " + route);
        json.put("rawPath", path.toString());
        ObjectNode rc = (ObjectNode) json.get("requestContext");
        rc.put("routeKey", "ANY " + route);
        ((ObjectNode) rc.get("http")).put("method", method).put("path", path.toString());
        if (!pathParameters.isEmpty()) {
            json.set("pathParameters", Json.mapper().valueToTree(pathParameters));
        }
        return new Events(json);
    }

    /** A GET. */
    public static Events get(String route, Map<String, String> pathParameters) {
        return request("GET", route, pathParameters);
    }

    /** Adds query parameters. */
    public Events query(Map<String, String> parameters) {
        Map<String, String> q = new LinkedHashMap<>(parameters);
        json.set("queryStringParameters", Json.mapper().valueToTree(q));
        StringBuilder raw = new StringBuilder();
        q.forEach((k, v) -> raw.append(raw.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        json.put("rawQueryString", raw.toString());
        return this;
    }

    /** Sets a header (lower-cased, as API Gateway delivers them). */
    public Events header(String name, String value) {
        ((ObjectNode) json.get("headers")).put(name.toLowerCase(java.util.Locale.ROOT), value);
        return this;
    }

    /** Sets a JSON body. */
    public Events jsonBody(String body) {
        header("content-type", "application/json");
        header("content-length", Integer.toString(body.getBytes(StandardCharsets.UTF_8).length));
        json.put("body", body);
        json.put("isBase64Encoded", false);
        return this;
    }

    /** Sets a body as API Gateway sends binary bodies: base64. */
    public Events base64Body(byte[] body, String contentType) {
        header("content-type", contentType);
        json.put("body", Base64.getEncoder().encodeToString(body));
        json.put("isBase64Encoded", true);
        return this;
    }

    /**
     * Replaces the JWT claims (an empty map removes the authorizer). As API Gateway does on a route with authorization
     * scopes, the token's {@code scope} claim also arrives as the list {@code scopes}; without it the list is null.
     */
    public Events claims(Map<String, String> claims) {
        ObjectNode rc = (ObjectNode) json.get("requestContext");
        if (claims.isEmpty()) {
            rc.remove("authorizer");
        } else {
            ObjectNode jwt = (ObjectNode) rc.get("authorizer").get("jwt");
            jwt.set("claims", Json.mapper().valueToTree(claims));
            String scope = claims.get("scope");
            if (scope == null) {
                jwt.putNull("scopes");
            } else {
                jwt.set("scopes", Json.mapper().valueToTree(List.of(scope.split(" "))));
            }
        }
        return this;
    }

    /** Replaces the gateway's list of the token's scopes, keeping the claims (null: the route lists none). */
    public Events scopes(List<String> scopes) {
        ObjectNode jwt = (ObjectNode) json.get("requestContext").get("authorizer").get("jwt");
        if (scopes == null) {
            jwt.putNull("scopes");
        } else {
            jwt.set("scopes", Json.mapper().valueToTree(scopes));
        }
        return this;
    }

    /** Replaces the authorizer by IAM's, for a request signed by {@code userArn}. */
    public Events iam(String userArn) {
        ObjectNode rc = (ObjectNode) json.get("requestContext");
        rc.putObject("authorizer").putObject("iam").put("accountId", "123456789012").put("userArn", userArn);
        return this;
    }

    /** The event JSON. */
    public String json() {
        return json.toString();
    }

    /** The event as the runtime deserialises it. */
    public APIGatewayV2HTTPEvent build() {
        return LambdaEvents.event(json());
    }
}
