package org.licencerisk.functions.testing;

import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.scoring.RiskScorer;
import org.licencerisk.model.training.DefaultModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model the tests score with: the default logistic model trained on 3,000 deterministic synthetic
 * applications, once per test JVM, written to a temporary directory and loaded back as a Lambda container would.
 */
public final class TestModel {

    private static final int APPLICATIONS = 3_000;
    private static final long SEED = 42L;

    private static Path dir;
    private static RiskScorer scorer;

    private TestModel() {
    }

    /** Returns the scorer. */
    public static synchronized RiskScorer scorer() {
        if (scorer == null) {
            scorer = ModelArtifact.load(directory()).scorer();
        }
        return scorer;
    }

    private static final java.util.Map<String, Path> OTHERS = new java.util.HashMap<>();

    /**
     * Returns the directory of a second model (2,000 applications, seed 7): another version with other metrics, to
     * register and promote.
     */
    public static Path challengerDirectory() {
        return other("challenger", 2_000, 7L);
    }

    /** Returns the directory of a third model (1,500 applications, seed 11), e.g. to tamper with. */
    public static Path thirdDirectory() {
        return other("third", 1_500, 11L);
    }

    private static synchronized Path other(String name, int applications, long seed) {
        return OTHERS.computeIfAbsent(name, n -> {
            try {
                Path d = Files.createTempDirectory("licence-risk-test-model-").resolve(n);
                DefaultModel.trainSynthetic(d, applications, seed);
                return d;
            } catch (IOException e) {
                throw new UncheckedIOException("No temporary directory for the test model.", e);
            }
        });
    }

    /** Returns the test model's manifest under another version (to register models that need no artifact). */
    public static org.licencerisk.model.artifact.ModelManifest manifestAs(String version) {
        java.util.Map<String, Object> copy = org.licencerisk.model.json.Json.mapper().convertValue(scorer().manifest(),
                new com.fasterxml.jackson.core.type.TypeReference<java.util.HashMap<String, Object>>() { });
        copy.put("modelVersion", version);
        return org.licencerisk.model.json.Json.mapper().convertValue(copy, org.licencerisk.model.artifact.ModelManifest.class);
    }

    /** Returns the directory of the trained artifact. */
    public static synchronized Path directory() {
        if (dir == null) {
            try {
                Path parent = Files.createTempDirectory("licence-risk-test-model-");
                dir = parent.resolve("default");
                DefaultModel.trainSynthetic(dir, APPLICATIONS, SEED);
            } catch (IOException e) {
                throw new UncheckedIOException("No temporary directory for the test model.", e);
            }
        }
        return dir;
    }
}
