package org.licencerisk.console;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.licencerisk.functions.testing.LocalTokens;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in OpenID Connect provider on 127.0.0.1 for the sign-in test: its authorization endpoint signs the user in
 * at once and sends a code back to the console; its token endpoint gives a token for that code only to the request
 * whose PKCE verifier hashes to the challenge (S256) the authorization request carried, as Cognito does.
 */
final class OpenIdProvider implements AutoCloseable {

    static final String CLIENT_ID = "officers-console";

    private final HttpServer server;
    private final String subject;
    private final Map<String, Map<String, String>> codes = new HashMap<>();
    /** What the token endpoint saw: "issued" or why it refused. */
    final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    /** The query of every authorization request. */
    final List<Map<String, String>> authorizations = new CopyOnWriteArrayList<>();

    OpenIdProvider(String subject) throws IOException {
        this.subject = subject;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    URI authorizeUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/authorize");
    }

    URI tokenUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/token");
    }

    private synchronized void authorize(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
            authorizations.add(q);
            String code = UUID.randomUUID().toString();
            codes.put(code, q);
            String back = q.get("redirect_uri") + "?code=" + code + "&state=" + q.get("state");
            exchange.getResponseHeaders().set("Location", back);
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private synchronized void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String origin = exchange.getRequestHeaders().getFirst("Origin");
            if (origin != null) {
                exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
            }
            Map<String, String> f = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Map<String, String> asked = codes.remove(f.get("code"));
            String refusal = asked == null ? "unknown or reused code"
                    : !"authorization_code".equals(f.get("grant_type")) ? "wrong grant type"
                    : !CLIENT_ID.equals(f.get("client_id")) ? "wrong client"
                    : !asked.get("redirect_uri").equals(f.get("redirect_uri")) ? "wrong redirect"
                    : !"S256".equals(asked.get("code_challenge_method")) ? "no S256 challenge"
                    : !s256(f.getOrDefault("code_verifier", "")).equals(asked.get("code_challenge")) ? "verifier does not match"
                    : null;
            tokenRequests.add(refusal == null ? "issued" : refusal);
            byte[] body;
            int status;
            if (refusal == null) {
                String token = LocalTokens.tokenFor(subject, ConsoleStack.ISSUER, ConsoleStack.AUDIENCE, LocalTokens.OFFICER);
                body = Json.mapper().writeValueAsBytes(Map.of("access_token", token, "token_type", "Bearer", "expires_in", 3600));
                status = 200;
            } else {
                body = Json.mapper().writeValueAsBytes(Map.of("error", "invalid_grant"));
                status = 400;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
