package org.licencerisk.functions.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpServer;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for the Secrets Manager endpoint on 127.0.0.1 (the JDK's HTTP server) that records each request and
 * answers with one canned response: the one kind of mock the project allows, for checking a request's exact shape.
 */
public final class SecretsManagerStub implements AutoCloseable {

    /** A request as the stub received it; header names in lower case. */
    public record Received(String method, String path, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private SecretsManagerStub(int status, Map<String, Object> answer) {
        byte[] body = json(answer);
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The Secrets Manager stub could not listen on 127.0.0.1.", e);
        }
        server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT),
                    String.join(",", v)));
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers,
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
            exchange.getResponseHeaders().add("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** A stub whose secret holds {@code secretString} (or no SecretString when {@code null}). */
    public static SecretsManagerStub holding(String arn, String secretString) {
        Map<String, Object> answer = new TreeMap<>(Map.of("ARN", arn, "Name", "licence-risk-key",
                "VersionId", "EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE", "VersionStages", List.of("AWSCURRENT"),
                "CreatedDate", 1.7648e9));
        if (secretString != null) {
            answer.put("SecretString", secretString);
        } else {
            answer.put("SecretBinary", "AAEC");
        }
        return new SecretsManagerStub(200, answer);
    }

    /** A stub answering every request with an AWS JSON error. */
    public static SecretsManagerStub failing(int status, String type, String message) {
        return new SecretsManagerStub(status, Map.of("__type", type, "message", message));
    }

    /** The endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The requests received so far. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static byte[] json(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
