package org.licencerisk.functions.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Dynalite;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the local server's HTTP layer holds to, over raw sockets (as a hostile or clumsy client would send): malformed
 * paths, oversized headers, slow and stalled bodies, media types and encodings, non-ASCII digits. Every error is
 * {@code application/problem+json}.
 */
class LocalServerLimitsTest {

    private static TestStack stack;
    private static LocalApiServer server;
    private static LocalApiServer stalling;

    @BeforeAll
    static void setUp() throws IOException {
        stack = TestStack.create();
        SamTemplate template = SamTemplate.read(Dynalite.repositoryRoot().resolve("template.yaml"));
        // Four request threads, bodies may take a minute: slow clients must still not occupy the threads.
        server = LocalApiServer.start(template, stack.components(), LocalAuth.from("off", "iss", "aud"), 0, 4,
                new HttpLimits(10 * 1024, 10 * 1024 * 1024, Duration.ofSeconds(60), Duration.ofSeconds(60)));
        // A short body time-out, to see a stalled body answered.
        stalling = LocalApiServer.start(template, stack.components(), LocalAuth.from("off", "iss", "aud"), 0, 4,
                new HttpLimits(10 * 1024, 10 * 1024 * 1024, Duration.ofSeconds(60), Duration.ofMillis(300)));
    }

    @AfterAll
    static void tearDown() {
        server.close();
        stalling.close();
    }

    /** A response read off a socket. */
    private record Raw(int status, Map<String, String> headers, String body) {
        JsonNode json() throws IOException {
            return Json.mapper().readTree(body);
        }

        void assertProblem(int expected) throws IOException {
            assertEquals(expected, status, body);
            assertTrue(headers.getOrDefault("content-type", "").startsWith("application/problem+json"), headers.toString());
            assertEquals(expected, json().get("status").asInt());
            assertTrue(json().hasNonNull("title") && json().hasNonNull("detail"), body);
        }
    }

    private static Raw exchange(LocalApiServer s, String head, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), s.port())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Raw read(InputStream in) throws IOException {
        ByteArrayOutputStream headBytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The connection closed before a response head: " + headBytes);
            }
            headBytes.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = headBytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        return new Raw(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }

    private static String get(String path, String... extraHeaders) {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + String.join("", extraHeaders) + "\r\n";
    }

    private static Raw post(String contentType, String extraHeaders, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange(server, "POST /v1/scores HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType + "\r\n"
                + extraHeaders + "Content-Length: " + bytes.length + "\r\n\r\n", bytes);
    }

    @Test
    void anInvalidPercentEncodingInThePathIsA400Problem() throws IOException {
        exchange(server, get("/v1/applications/%ZZ/scores/latest"), new byte[0]).assertProblem(400);
        exchange(server, get("/v1/queue?limit=%ZZ"), new byte[0]).assertProblem(400);
        exchange(server, get("/nothing-here"), new byte[0]).assertProblem(404);
    }

    @Test
    void headersOverTheGatewaysLimitAre431Problems() throws IOException {
        exchange(server, get("/v1/models", "X-Big: " + "a".repeat(1024 * 1024) + "\r\n"), new byte[0]).assertProblem(431);
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            many.append("X-Header-").append(i).append(": value-").append(i).append("\r\n");
        }
        exchange(server, get("/v1/models", many.toString()), new byte[0]).assertProblem(431);
    }

    @Test
    void clientsSendingSlowBodiesDoNotHoldTheRequestThreads() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
                s.getOutputStream().write(("POST /v1/scores HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"applicationId\":").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                slow.add(s);
            }
            Raw models = exchange(server, get("/v1/models"), new byte[0]);
            assertEquals(200, models.status(), "40 stalled bodies and 4 request threads, yet a read is answered");
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void aBodyThatStopsArrivingIsA408ProblemAndTheConnectionIsClosed() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), stalling.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST /v1/scores HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\n\r\n{\"applicationId\":").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            Raw r = read(socket.getInputStream());
            r.assertProblem(408);
            assertEquals("close", r.headers().get("connection"));
            assertEquals(-1, socket.getInputStream().read(), "the server closed the connection");
        }
    }

    @Test
    void connectionsAreKeptAliveBetweenRequests() throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(20_000);
            for (int i = 0; i < 3; i++) {
                socket.getOutputStream().write(get("/v1/models").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                assertEquals(200, read(socket.getInputStream()).status());
            }
        }
    }

    @Test
    void onlyApplicationJsonWithAnOptionalUtf8CharsetIsTakenAsJson() throws IOException {
        String app = Applications.variant("LIM-1", 7).toString();
        post("application/evil+json", "", app).assertProblem(415);
        post("application/json; profile=x", "", app).assertProblem(415);
        post("text/json", "", app).assertProblem(415);
        post("application/json; charset=iso-8859-1", "", app).assertProblem(415);
        assertEquals(201, post("application/json; charset=UTF-8", "", app).status());
    }

    @Test
    void aCompressedBodyIsA415Problem() throws IOException {
        String app = Applications.variant("LIM-2", 8).toString();
        post("application/json", "Content-Encoding: gzip\r\n", app).assertProblem(415);
        post("application/json", "Content-Encoding: br\r\n", app).assertProblem(415);
        assertEquals(201, post("application/json", "Content-Encoding: identity\r\n", app).status());
    }

    @Test
    void numbersInTheQueryAreAsciiDigitsOnly() throws IOException {
        // U+FF15 FULLWIDTH DIGIT FIVE and U+0665 ARABIC-INDIC DIGIT FIVE, percent-encoded as UTF-8.
        exchange(server, get("/v1/queue?limit=%EF%BC%95"), new byte[0]).assertProblem(400);
        exchange(server, get("/v1/applications/LIM-1/scores?limit=%D9%A5"), new byte[0]).assertProblem(400);
        exchange(server, get("/v1/queue?limit=+5"), new byte[0]).assertProblem(400);
        assertEquals(200, exchange(server, get("/v1/queue?limit=5"), new byte[0]).status());
    }
}
