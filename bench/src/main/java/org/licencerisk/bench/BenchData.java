package org.licencerisk.bench;

import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.data.JsonLinesDecisionLoader;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;
import org.licencerisk.model.training.ProgressListener;
import org.licencerisk.model.training.RiskModelTrainer;
import org.licencerisk.model.training.TrainerKind;
import org.licencerisk.model.training.TrainingOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The deterministic inputs every benchmark uses: the synthetic decision log (fixed seed), loaded with the standard
 * feature definition, and models trained on it with the default options and seed.
 * <p>
 * Logs are written once into a cache directory (environment variable {@code BENCH_DATA}, which
 * JMH's forks inherit; default {@code java.io.tmpdir/licence-risk-bench})
 * and reused by later forks, so a benchmark fork does not spend its time generating data.
 */
public final class BenchData {

    /** The seed of every synthetic log the benchmarks use. */
    public static final long SEED = SyntheticDecisionLog.DEFAULT_SEED;
    /** Rows of the log scoring and artifact benchmarks train on: the quick-start default. */
    public static final int SCORING_ROWS = SyntheticDecisionLog.DEFAULT_APPLICATIONS;
    /** How many applications a scoring benchmark cycles through. */
    public static final int APPLICATIONS = 512;

    private BenchData() {
    }

    /** Returns the cache directory of generated logs. */
    public static Path cacheDir() {
        String dir = System.getenv("BENCH_DATA");
        return dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("java.io.tmpdir"), "licence-risk-bench");
    }

    /** Returns the JSON Lines file of the synthetic log of {@code rows} applications, writing it if absent. */
    public static Path log(int rows) {
        Path file = cacheDir().resolve("synthetic-" + SEED + "-" + rows + ".jsonl");
        try {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(file.getParent());
                // Written atomically, so a fork that dies half-way leaves no half-written log for the next one.
                new SyntheticDecisionLog(SEED, rows).writeJsonLines(file);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("The synthetic log could not be written to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads the synthetic log of {@code rows} applications with the standard feature definition. */
    public static DecisionDataset dataset(int rows) {
        try {
            return new JsonLinesDecisionLoader().load(log(rows), FeatureDefinition.standard(), ReferenceData.shipped());
        } catch (IOException e) {
            throw new UncheckedIOException("The synthetic log could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Trains a model with the default settings of a trainer taken as given (the shape {@code risk-model train}
     * chooses on real decisions, without the search, so benchmarks measure one model).
     */
    public static ModelArtifact train(TrainerKind kind, DecisionDataset data) {
        return train(kind, data, false);
    }

    /** Trains a model with the default options, choosing the settings on the validation period when {@code tune}. */
    public static ModelArtifact train(TrainerKind kind, DecisionDataset data, boolean tune) {
        return new RiskModelTrainer(TrainingOptions.defaults(kind).withTune(tune), ProgressListener.NONE)
                .train(data, null, "synthetic-" + SEED + "-" + data.records().size() + ".jsonl").artifact();
    }

    /**
     * Returns realistic applications to score: the newest {@code count} of the log, i.e. from the test period the
     * model never saw, with every outcome (not only approved and refused ones).
     */
    public static List<LicenceApplication> applications(DecisionDataset data, int count) {
        List<DecisionRecord> records = data.records();
        return records.subList(Math.max(0, records.size() - count), records.size()).stream()
                .map(DecisionRecord::application).toList();
    }

    /**
     * Returns the directory of a model trained on the scoring log with the default options, training and writing it
     * into the cache directory if absent (XGBoost takes seconds to minutes, so forks share it).
     */
    public static Path artifact(TrainerKind kind) {
        Path dir = cacheDir().resolve("artifact-" + kind.id() + "-" + SEED + "-" + SCORING_ROWS);
        if (!Files.isDirectory(dir)) {
            // Written atomically (a temporary sibling renamed into place), so a complete artifact or none.
            train(kind, dataset(SCORING_ROWS)).writeTo(dir);
        }
        return dir;
    }
}
