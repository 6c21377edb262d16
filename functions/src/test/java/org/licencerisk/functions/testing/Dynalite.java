package org.licencerisk.functions.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A dynalite process (the npm package, installed by {@code npm ci} at the repository root) on a free port of
 * 127.0.0.1. {@link #shared()} is started once per test JVM and stopped when it exits; {@link #start()} starts a
 * private one that a test may stop.
 */
public final class Dynalite implements AutoCloseable {

    private static Dynalite shared;

    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The JVM-wide instance. */
    public static synchronized Dynalite shared() {
        if (shared == null) {
            shared = start();
            Dynalite instance = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close));
        }
        return shared;
    }

    /** Starts a new instance and waits until it accepts connections. */
    public static Dynalite start() {
        return start(freePort(), null);
    }

    /**
     * Starts an instance on {@code port} that keeps its data in {@code dataDir} (in memory when {@code null}), so that
     * a fault test can stop it and start it again with the same port and data.
     */
    public static Dynalite start(int port, Path dataDir) {
        Path cli = repositoryRoot().resolve("node_modules/dynalite/cli.js");
        List<String> command = new java.util.ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            command.addAll(List.of("--path", dataDir.toString()));
        }
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Dynalite d = new Dynalite(process, port);
            d.awaitListening(Duration.ofSeconds(20));
            return d;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start dynalite with node; is Node.js installed?", e);
        }
    }

    /** The endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The port. */
    public int port() {
        return port;
    }

    /** Kills the process (SIGKILL), as a crash would, and waits until it is gone. */
    public void kill() {
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the process. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The repository root: the nearest directory up from the working directory with dynalite installed. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("node_modules/dynalite/cli.js"))) {
                return p;
            }
        }
        throw new IllegalStateException("dynalite is not installed above " + dir + "; run 'npm ci' at the repository root.");
    }

    private void awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dynalite exited with status " + process.exitValue() + " on start.");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for dynalite.", e);
                }
            }
        }
        close();
        throw new IllegalStateException("dynalite did not listen on port " + port + " within " + timeout.toSeconds() + " s.");
    }

    /** A free port on 127.0.0.1. */
    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port on 127.0.0.1.", e);
        }
    }
}
