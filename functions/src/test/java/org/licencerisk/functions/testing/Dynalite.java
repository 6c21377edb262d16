package org.licencerisk.functions.testing;

import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.storage.DynamoDbClientFactory;
import org.licencerisk.functions.storage.TableDefinitions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A dynalite process (the npm package, installed by {@code npm ci} at the repository root) on a port of
 * 127.0.0.1. {@link #shared()} is started once per test JVM and stopped when it exits; {@link #start()} starts a
 * private one that a test may stop; {@link #start(int, Path)} one with a fixed port and data directory, so that a
 * fault test can kill it and start it again with the same data.
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
            instance.warmUp();
        }
        return shared;
    }

    /**
     * Creates one table with a patient client: a freshly started dynalite answers its first table creation slowly on
     * a busy machine, beyond the short call timeout the test stacks use to show failing fast.
     */
    private void warmUp() {
        ApiConfig config = ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, "warm-up", ApiConfig.MODELS_TABLE,
                "warm-up-models", ApiConfig.DYNAMODB_ENDPOINT, endpoint().toString(), ApiConfig.DYNAMODB_TIMEOUT_MS,
                "60000"));
        try (DynamoDbClient client = DynamoDbClientFactory.create(config)) {
            TableDefinitions.createIfMissing(client, List.of(TableDefinitions.applications(config.applicationsTable())));
        }
    }

    /** Starts a new in-memory instance on a free port and waits until it accepts connections. */
    public static Dynalite start() {
        return start(freePort(), null);
    }

    /**
     * Starts an instance on {@code port} that keeps its data in {@code dataDir} (in memory when {@code null}) and
     * waits until it accepts connections.
     */
    public static Dynalite start(int port, Path dataDir) {
        Path cli = repositoryRoot().resolve("node_modules/dynalite/cli.js");
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
        if (dataDir != null) {
            command.addAll(List.of("--path", dataDir.toString()));
        }
        return new Dynalite(LocalProcess.start("dynalite", command, port, Duration.ofSeconds(20)), port);
    }

    /** A free port on 127.0.0.1. */
    public static int freePort() {
        return LocalProcess.freePort();
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
