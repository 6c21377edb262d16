package org.licencerisk.model.cli;

import org.licencerisk.model.testing.SyntheticData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The logistic model that {@code risk-model train} writes from the 3,000-row synthetic log, trained through the CLI
 * once per JVM and shared by the CLI tests (they only read it).
 */
final class CliTrainedModel {

    /** Rows of the synthetic log it is trained on. */
    static final int ROWS = 3000;

    private static Path model;

    private CliTrainedModel() {
    }

    /** The synthetic log the model was trained on. */
    static Path data() {
        return SyntheticData.file(ROWS);
    }

    /** The model's artifact directory, training it on first use. */
    static synchronized Path model() {
        if (model == null) {
            try {
                Path dir = Files.createTempDirectory("licence-risk-cli-model");
                Path out = dir.resolve("lr");
                RiskModelCliTest.Run r = RiskModelCliTest.run("train", "--data", data().toString(), "--no-tune", "--out",
                        out.toString());
                assertEquals(0, r.exit(), r.err());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
                model = out;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return model;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A temporary directory left behind at exit is harmless.
        }
    }
}
