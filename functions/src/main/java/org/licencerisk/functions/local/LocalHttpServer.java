package org.licencerisk.functions.local;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import java.io.IOException;
import java.net.BindException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The local server's HTTP layer (Jetty): parses requests, enforces {@link HttpLimits}, reads bodies without holding a
 * thread, and hands each complete request to the gateway on one of its request threads.
 * <p>
 * What a client can rely on: responses are sent with TCP no-delay (no wait for a delayed ACK between headers and
 * body); connections are kept alive between requests until {@link HttpLimits#idleTimeout()}; a body that does not
 * arrive within {@link HttpLimits#bodyTimeout()} gets 408 and the connection is closed, so slow clients never occupy
 * the request threads; request line and headers over {@link HttpLimits#maxHeaderBytes()} get 431, a body over
 * {@link HttpLimits#maxBodyBytes()} 413; and every answer the HTTP layer gives itself (a malformed request line or path,
 * an unsupported version, ...) is {@code application/problem+json}.
 */
final class LocalHttpServer implements AutoCloseable {

    private final Server server;
    private final ServerConnector connector;
    private final ExecutorService requestThreads;
    private final HttpLimits limits;
    private final Function<LocalRequest, LocalResponse> gateway;

    private LocalHttpServer(int port, int threads, HttpLimits limits, Function<LocalRequest, LocalResponse> gateway) {
        this.limits = limits;
        this.gateway = gateway;
        QueuedThreadPool io = new QueuedThreadPool(16, 2);
        io.setName("local-http");
        this.server = new Server(io);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxHeaderBytes());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.setAcceptedTcpNoDelay(true);
        server.addConnector(connector);
        server.setErrorHandler(new ProblemErrorHandler());
        server.setHandler(new GatewayHandler());
        AtomicInteger n = new AtomicInteger();
        this.requestThreads = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "local-api-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts listening on 127.0.0.1.
     *
     * @param port    the port, 0 for any free one
     * @param threads the request threads, which run the handlers
     * @param limits  what requests may be
     * @param gateway answers a complete request
     * @throws BindException when the port is in use
     */
    static LocalHttpServer start(int port, int threads, HttpLimits limits,
                                 Function<LocalRequest, LocalResponse> gateway) throws IOException {
        LocalHttpServer s = new LocalHttpServer(port, threads, limits, gateway);
        try {
            s.server.start();
        } catch (IOException e) {
            s.close();
            BindException bind = bindException(e);
            throw bind != null ? bind : e;
        } catch (Exception e) {
            s.close();
            throw new IOException("The local HTTP server could not start.", e);
        }
        return s;
    }

    /** The port it listens on. */
    int port() {
        return connector.getLocalPort();
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping: nothing left to do with a failure.
        }
        requestThreads.shutdownNow();
    }

    private static BindException bindException(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BindException b) {
                return b;
            }
        }
        return null;
    }

    /** Reads the body asynchronously, then runs the gateway on a request thread and writes its answer. */
    private final class GatewayHandler extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            long declared = request.getLength();
            if (declared > limits.maxBodyBytes()) {
                send(response, callback, LocalResponse.problem(413,
                        "The request body is larger than API Gateway's limit of " + limits.maxBodyBytes() + " bytes."), true);
                return true;
            }
            CompletableFuture<byte[]> body = declared == 0
                    ? CompletableFuture.completedFuture(new byte[0])
                    : Content.Source.asByteBufferAsync(request, limits.maxBodyBytes() + 1).thenApply(LocalHttpServer::bytes);
            body.orTimeout(limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .handleAsync((bytes, failure) -> {
                        if (failure != null) {
                            return bodyFailure(failure);
                        }
                        if (bytes.length > limits.maxBodyBytes()) {
                            return LocalResponse.problem(413,
                                    "The request body is larger than API Gateway's limit of " + limits.maxBodyBytes() + " bytes.");
                        }
                        return gateway.apply(toLocalRequest(request, bytes));
                    }, requestThreads)
                    .whenComplete((answer, failure) -> {
                        if (failure != null) {
                            send(response, callback, LocalResponse.problem(500, "The request could not be completed."), true);
                        } else {
                            send(response, callback, answer, answer.status() == 408 || answer.status() == 413);
                        }
                    });
            return true;
        }

        private LocalResponse bodyFailure(Throwable failure) {
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof java.util.concurrent.TimeoutException) {
                return LocalResponse.problem(408, "The request body did not arrive within "
                        + limits.bodyTimeout().toSeconds() + " s.");
            }
            if (cause instanceof IllegalArgumentException || cause instanceof IllegalStateException) {
                return LocalResponse.problem(413,
                        "The request body is larger than API Gateway's limit of " + limits.maxBodyBytes() + " bytes.");
            }
            return LocalResponse.problem(400, "The request body could not be read.");
        }
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static LocalRequest toLocalRequest(Request request, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) {
            headers.computeIfAbsent(f.getLowerCaseName(), k -> new ArrayList<>(1)).add(f.getValue());
        }
        return new LocalRequest(request.getMethod(), request.getHttpURI().getPath(), request.getHttpURI().getQuery(),
                headers, body, Request.getRemoteAddr(request), request.getConnectionMetaData().getProtocol());
    }

    private static void send(Response response, Callback callback, LocalResponse answer, boolean close) {
        try {
            response.setStatus(answer.status());
            HttpFields.Mutable headers = response.getHeaders();
            for (Map.Entry<String, String> h : answer.headers()) {
                headers.add(h.getKey(), h.getValue());
            }
            if (close) {
                headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
            }
            headers.put(HttpHeader.CONTENT_LENGTH, answer.body().length);
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
        } catch (RuntimeException e) {
            callback.failed(e);
        }
    }

    /** The HTTP layer's own error answers (bad request line or path, header limit, ...) as problem+json. */
    private static final class ProblemErrorHandler extends ErrorHandler {

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = response.getStatus() > 0 ? response.getStatus() : 500;
            Object s = request.getAttribute(ERROR_STATUS);
            if (s instanceof Integer i) {
                status = i;
            }
            byte[] bytes = LocalResponse.problemBody(status, detail(status));
            response.setStatus(status);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, LocalResponse.PROBLEM_JSON);
            response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
            response.write(true, ByteBuffer.wrap(bytes), callback);
            return true;
        }

        /** Still used by Jetty 12.1 for some errors found before a request exists; deprecated for its successor. */
        @Override
        @SuppressWarnings("removal")
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, LocalResponse.PROBLEM_JSON);
            return ByteBuffer.wrap(LocalResponse.problemBody(status, detail(status)));
        }

        /** A fixed sentence per status: the parser's own reason may quote the request. */
        private static String detail(int status) {
            return switch (status) {
                case 400 -> "The request line, a header or the path is malformed (for example an invalid percent-encoding).";
                case 408 -> "The request did not arrive in time.";
                case 413 -> "The request body is too large.";
                case 414 -> "The request URI is too long.";
                case 431 -> "The request line and headers are larger than the gateway accepts.";
                case 505 -> "Only HTTP/1.0 and HTTP/1.1 are served.";
                default -> "The request could not be served (" + LocalResponse.title(status) + ").";
            };
        }
    }
}
