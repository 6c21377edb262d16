package org.licencerisk.functions.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.functions.testing.Dynalite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code scripts/local-api} run from a copy of the checkout whose build is present, with stand-ins for the Java server
 * (a process that waits) and an external DynamoDB endpoint: what it does to {@code .local} and to a second stack.
 */
class LocalApiScriptTest {

    @TempDir
    Path checkout;

    private Path stubs;

    private void prepare() throws IOException {
        Files.createDirectories(checkout.resolve("scripts"));
        Files.copy(Dynalite.repositoryRoot().resolve("scripts/local-api"), checkout.resolve("scripts/local-api"));
        for (String dir : List.of("model/src/main", "functions/src/main", "model/target", "functions/target",
                "node_modules/dynalite", "models/m")) {
            Files.createDirectories(checkout.resolve(dir));
        }
        for (String file : List.of("pom.xml", "model/pom.xml", "functions/pom.xml", "model/target/risk-model.jar",
                "functions/target/functions.jar", "node_modules/dynalite/cli.js", "models/m/manifest.json")) {
            Files.writeString(checkout.resolve(file), "");
        }
        Files.writeString(checkout.resolve("functions/target/classpath.txt"), "");
        checkout.resolve("functions/target/classpath.txt").toFile().setLastModified(System.currentTimeMillis() + 60_000);
        stubs = Files.createDirectories(checkout.resolve("stubs"));
        Path java = stubs.resolve("java");
        Files.writeString(java, "#!/usr/bin/env bash\nexec sleep 120\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Process start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", checkout.resolve("scripts/local-api").toString());
        Map<String, String> env = pb.environment();
        env.put("PATH", stubs + ":" + env.get("PATH"));
        env.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:9");
        env.put("MODEL_DIR", checkout.resolve("models/m").toString());
        env.put("PORT", "0");
        env.remove("MODELS_TABLE");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        return pb.start();
    }

    @Test
    void aSecondStackFromTheSameCheckoutStopsAtOnceWithOneSentenceAndLeavesTheFirstAloneInAPrivateFolder()
            throws Exception {
        prepare();
        Path settings = checkout.resolve(".local/local-stack.env");
        Process first = start();
        try {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!Files.exists(settings) && first.isAlive() && Instant.now().isBefore(deadline)) {
                Thread.onSpinWait();
            }
            assertTrue(Files.exists(settings), "the first stack wrote its settings");
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE), Files.getPosixFilePermissions(checkout.resolve(".local")));
            assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                    Files.getPosixFilePermissions(settings));

            Process second = start();
            assertTrue(second.waitFor(30, TimeUnit.SECONDS), "the second stack stopped at once");
            String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(1, second.exitValue());
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.contains("already running from this checkout"), err);
            assertTrue(Files.exists(settings), "the first stack's settings are still there");
            assertTrue(first.isAlive(), "the first stack still runs");
        } finally {
            first.destroy();
            first.waitFor(30, TimeUnit.SECONDS);
        }
        assertTrue(!Files.exists(settings), "the first stack removes its own settings when it stops");
    }
}
