package org.licencerisk.functions.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.model.json.Json;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Builds the JSON of an HTTP API (payload 2.0) event from an HTTP request, field by field as API Gateway does. */
final class LocalEvents {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);

    private LocalEvents() {
    }

    static String toJson(LocalRequest request, LocalRouter.Match match, LocalAuth.Outcome caller, String requestId,
                         int port) {
        String rawPath = request.rawPath();
        byte[] body = request.body();
        ObjectNode event = Json.mapper().createObjectNode();
        String routeKey = match.route().method() + " " + match.route().path();
        String rawQuery = request.rawQuery();
        event.put("version", "2.0");
        event.put("routeKey", routeKey);
        event.put("rawPath", rawPath);
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        ObjectNode headers = event.putObject("headers");
        List<String> cookies = null;
        for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
            String name = h.getKey();
            if (name.equals("cookie")) {
                cookies = List.of(String.join("; ", h.getValue()).split(";\\s*"));
            } else {
                headers.put(name, String.join(",", h.getValue()));
            }
        }
        if (cookies != null) {
            cookies.forEach(event.putArray("cookies")::add);
        }
        Map<String, String> query = query(rawQuery);
        if (!query.isEmpty()) {
            ObjectNode q = event.putObject("queryStringParameters");
            query.forEach(q::put);
        }
        if (!match.pathParameters().isEmpty()) {
            ObjectNode p = event.putObject("pathParameters");
            match.pathParameters().forEach(p::put);
        }
        ObjectNode rc = event.putObject("requestContext");
        rc.put("accountId", "000000000000");
        rc.put("apiId", "local");
        if (caller.claims() != null) {
            ObjectNode jwt = rc.putObject("authorizer").putObject("jwt");
            ObjectNode c = jwt.putObject("claims");
            caller.claims().forEach(c::put);
            if (caller.scopes() == null) {
                jwt.putNull("scopes");
            } else {
                caller.scopes().forEach(jwt.putArray("scopes")::add);
            }
        } else if (caller.principal() != null) {
            ObjectNode iam = rc.putObject("authorizer").putObject("iam");
            iam.put("accountId", "000000000000");
            iam.put("userArn", caller.principal());
        }
        rc.put("domainName", "127.0.0.1:" + port);
        rc.put("domainPrefix", "127");
        ObjectNode http = rc.putObject("http");
        http.put("method", request.method());
        http.put("path", rawPath);
        http.put("protocol", request.protocol());
        http.put("sourceIp", request.sourceIp());
        http.put("userAgent", headers.path("user-agent").asText(""));
        rc.put("requestId", requestId);
        rc.put("routeKey", routeKey);
        rc.put("stage", "$default");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        rc.put("time", TIME.format(now));
        rc.put("timeEpoch", now.toInstant().toEpochMilli());
        if (body.length > 0) {
            String contentType = headers.path("content-type").asText("").toLowerCase(Locale.ROOT);
            // Bytes that are not UTF-8 travel base64, so that the handler sees them rather than U+FFFD in their place.
            boolean text = (contentType.startsWith("text/") || contentType.contains("json") || contentType.contains("xml"))
                    && isUtf8(body);
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event.toString();
    }

    /** Decoded query parameters, repeated ones joined with commas as API Gateway does. */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.merge(name, value, (a, b) -> a + "," + b);
        }
        return out;
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
