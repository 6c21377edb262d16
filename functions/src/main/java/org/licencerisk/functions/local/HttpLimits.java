package org.licencerisk.functions.local;

import java.time.Duration;

/**
 * What the local server's HTTP layer accepts, modelled on API Gateway HTTP APIs.
 *
 * @param maxHeaderBytes the request line and headers together, at most (else 431)
 * @param maxBodyBytes   the body, at most (else 413)
 * @param idleTimeout    how long a connection may send nothing, between requests (keep-alive) or within one, before it
 *                       is closed
 * @param bodyTimeout    how long a body may take to arrive in full (else 408 and the connection is closed)
 */
record HttpLimits(int maxHeaderBytes, int maxBodyBytes, Duration idleTimeout, Duration bodyTimeout) {

    /** API Gateway's limits: 10 KiB of request line and headers, 10 MiB of body; 30 s idle, 10 s for a body. */
    static final HttpLimits GATEWAY = new HttpLimits(10 * 1024, 10 * 1024 * 1024, Duration.ofSeconds(30),
            Duration.ofSeconds(10));

    HttpLimits {
        if (maxHeaderBytes < 1024) {
            throw new IllegalArgumentException("The header limit must be at least 1024 bytes, found " + maxHeaderBytes + ".");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("The body limit must be positive, found " + maxBodyBytes + ".");
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("The idle and body time-outs must be positive durations.");
        }
    }
}
