package org.licencerisk.model.testing;

import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.JsonLinesDecisionLoader;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Synthetic decision logs for tests, generated once per JVM and size. */
public final class SyntheticData {

    /** The seed every test data set uses. */
    public static final long SEED = 7L;

    private static final Map<Integer, Path> FILES = new ConcurrentHashMap<>();

    private SyntheticData() {
    }

    /** Returns the JSON Lines file of a synthetic log of {@code applications} rows (seed {@link #SEED}). */
    public static synchronized Path file(int applications) {
        return FILES.computeIfAbsent(applications, n -> {
            try {
                Path dir = Files.createTempDirectory("licence-risk-test-data");
                dir.toFile().deleteOnExit();
                Path file = dir.resolve("synthetic-" + n + ".jsonl");
                new SyntheticDecisionLog(SEED, n).writeJsonLines(file);
                file.toFile().deleteOnExit();
                return file;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Loads the synthetic log of {@code applications} rows with the standard feature definition. */
    public static DecisionDataset dataset(int applications) {
        try {
            return new JsonLinesDecisionLoader().load(file(applications), FeatureDefinition.standard(), ReferenceData.shipped());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
