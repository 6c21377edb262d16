package org.licencerisk.model.training;

import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.JsonLinesDecisionLoader;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.io.AtomicFiles;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The model the product ships with out of the box: logistic regression on the deterministic synthetic decision
 * log, with the default settings taken as given (no search, so the local API and the tests start quickly; the
 * defaults are what the search chose on real decisions, see {@code TrainingOptions}). The local API and tests use it; an authority replaces it with a model trained on its own decisions.
 */
public final class DefaultModel {

    private DefaultModel() {
    }

    /**
     * Generates the synthetic decision log, trains the default logistic model on it and writes the artifact.
     *
     * @param dir          a new or empty directory for the artifact
     * @param applications how many synthetic applications to generate (the quick start uses
     *                     {@link SyntheticDecisionLog#DEFAULT_APPLICATIONS})
     * @param seed         the seed of both the generator and the trainer
     * @return the written artifact
     */
    public static ModelArtifact trainSynthetic(Path dir, int applications, long seed) {
        Path data = null;
        try {
            Path parent = dir.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            data = Files.createTempFile(parent, ".synthetic-decisions-", ".jsonl");
            new SyntheticDecisionLog(seed, applications).writeJsonLines(data);
            DecisionDataset dataset = new JsonLinesDecisionLoader().load(data, FeatureDefinition.standard(),
                    ReferenceData.shipped());
            TrainingResult result = new RiskModelTrainer(TrainingOptions.defaults(TrainerKind.LOGISTIC).withSeed(seed).withTune(false),
                    ProgressListener.NONE).train(dataset, null, "synthetic-decisions-" + applications + "-seed" + seed + ".jsonl");
            result.artifact().writeTo(dir);
            return result.artifact();
        } catch (IOException e) {
            throw new UncheckedIOException("The default model could not be trained: " + e.getMessage(), e);
        } finally {
            AtomicFiles.deleteQuietly(data);
        }
    }
}
