package org.licencerisk.functions.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An s3rver process (the npm package, installed by {@code npm ci}) on a free port of 127.0.0.1 with one bucket,
 * {@value #BUCKET}, and a private data directory. It requires a Signature Version 4 {@code Authorization} header with a
 * known access key ({@code S3RVER}) but does not recompute the signature itself. {@link #shared()} is started once per
 * test JVM and stopped when it exits.
 */
public final class S3rver {

    /** The bucket created at start. */
    public static final String BUCKET = "model-artifacts";

    private static S3rver shared;

    private final int port;

    private S3rver(int port) {
        this.port = port;
    }

    /** The JVM-wide instance. */
    public static synchronized S3rver shared() {
        if (shared == null) {
            Path cli = Dynalite.repositoryRoot().resolve("node_modules/s3rver/bin/s3rver.js");
            Path dir;
            try {
                dir = Files.createTempDirectory("s3rver-");
            } catch (IOException e) {
                throw new UncheckedIOException("No temporary directory for s3rver.", e);
            }
            int port = LocalProcess.freePort();
            Process process = LocalProcess.start("s3rver", List.of("node", cli.toString(), "--directory", dir.toString(),
                    "--address", "127.0.0.1", "--port", Integer.toString(port), "--silent",
                    "--configure-bucket", BUCKET), port, Duration.ofSeconds(20));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> LocalProcess.stop(process)));
            shared = new S3rver(port);
        }
        return shared;
    }

    /** The endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }
}
