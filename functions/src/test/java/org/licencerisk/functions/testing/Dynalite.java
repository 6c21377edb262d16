package org.licencerisk.functions.testing;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
        Path cli = repositoryRoot().resolve("node_modules/dynalite/cli.js");
        int port = LocalProcess.freePort();
        Process process = LocalProcess.start("dynalite", List.of("node", cli.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0"), port, Duration.ofSeconds(20));
        return new Dynalite(process, port);
    }

    /** The endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The port. */
    public int port() {
        return port;
    }

    /** Stops the process. */
    @Override
    public void close() {
        LocalProcess.stop(process);
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
}
