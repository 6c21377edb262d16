package org.licencerisk.functions.storage;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call that cannot even lease a connection (the pool is exhausted by calls to a store that does not answer) is
 * "storage unavailable", whatever the HTTP client throws for it: the API answers 503 with Retry-After, never 500.
 */
class ConnectionLeaseFailureTest {

    @Test
    void aCallWaitingForAConnectionLeaseThatTimesOutIsStorageUnavailable() throws Exception {
        List<Socket> held = new ArrayList<>();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             DynamoDbClient client = DynamoDbClient.builder()
                     .region(Region.EU_WEST_1)
                     .endpointOverride(URI.create("http://127.0.0.1:" + silent.getLocalPort()))
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                     // One connection: the first call holds it while the store stays silent; the others wait for a lease.
                     .httpClientBuilder(Apache5HttpClient.builder().maxConnections(1)
                             .connectionAcquisitionTimeout(Duration.ofSeconds(10)).socketTimeout(Duration.ofSeconds(10)))
                     .overrideConfiguration(c -> c.apiCallAttemptTimeout(Duration.ofMillis(400))
                             .apiCallTimeout(Duration.ofMillis(600)).retryStrategy(RetryMode.STANDARD)
                             .retryStrategy(b -> b.maxAttempts(1)))
                     .build()) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, never answered
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            List<Future<Throwable>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(callers.submit(() -> {
                    try {
                        Storage.call(() -> client.describeTable(b -> b.tableName("t")));
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<String> raw = new ArrayList<>();
            for (Future<Throwable> f : calls) {
                Throwable t = f.get();
                assertTrue(t instanceof StorageUnavailableException,
                        "every failed call is storage unavailable, found " + t);
                StorageUnavailableException e = (StorageUnavailableException) t;
                assertFalse(e.throttled());
                assertEquals(5, e.retryAfterSeconds());
                raw.add(e.errorCode());
            }
            // On a quiet machine one connection is opened and the other three calls fail waiting for its lease (a bare
            // CancellationException from the HTTP client before Storage mapped it); on a busy one the attempts may time
            // out at other stages instead. Either way every call is storage unavailable.
            assertTrue(held.size() <= calls.size(), "connections " + held.size() + ", errors " + raw);
        } finally {
            callers.shutdownNow();
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aCancelledLeaseOrInterruptedIoThatTheSdkDidNotWrapIsStorageUnavailable() {
        for (RuntimeException thrown : List.of(new CancellationException("lease cancelled"),
                new IllegalStateException("wrapped", new java.io.InterruptedIOException("read interrupted")),
                new java.io.UncheckedIOException(new IOException("connection reset")))) {
            StorageUnavailableException e = assertThrows(StorageUnavailableException.class,
                    () -> Storage.call(() -> {
                        throw thrown;
                    }));
            assertEquals(5, e.retryAfterSeconds());
        }
        assertThrows(IllegalStateException.class, () -> Storage.call(() -> {
            throw new IllegalStateException("a programming error stays what it is");
        }));
    }
}
