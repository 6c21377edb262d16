package org.licencerisk.functions.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting and stopping the local servers the tests run (dynalite, s3rver): Node.js processes on 127.0.0.1. */
final class LocalProcess {

    private LocalProcess() {
    }

    /** A free port on 127.0.0.1. */
    static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on 127.0.0.1.", e);
        }
    }

    /** Starts {@code command}, discarding its output, and waits until it accepts connections on {@code port}. */
    static Process start(String name, List<String> command, int port, Duration timeout) {
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + " with node; is Node.js installed?", e);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with status " + process.exitValue() + " on start.");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return process;
            } catch (IOException notYet) {
                try {
                    // A real process starting: poll its port, bounded by the timeout above.
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stop(process);
                    throw new IllegalStateException("Interrupted while waiting for " + name + ".", e);
                }
            }
        }
        stop(process);
        throw new IllegalStateException(name + " did not listen on port " + port + " within " + timeout.toSeconds() + " s.");
    }

    /** Stops a process, forcibly after 5 s. */
    static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
