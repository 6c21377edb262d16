package org.licencerisk.model.cli;

import org.licencerisk.model.data.CsvDecisionLoader;
import org.licencerisk.model.data.CsvSchema;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.JsonLinesDecisionLoader;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;
import org.licencerisk.model.training.ProgressListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Loads historical decisions in either format, and makes the default synthetic data when none is given. */
final class DataFiles {

    /** Where the default synthetic decision log is written, relative to the working directory. */
    static final Path DEFAULT_DATA_DIR = Path.of(".local", "data");

    private DataFiles() {
    }

    /**
     * Loads a decision file: a CSV decision log when a schema is given, else JSON Lines of applications read with
     * {@code definition}.
     */
    static DecisionDataset load(Path data, Path schema, FeatureDefinition definition) throws IOException {
        if (!Files.isRegularFile(data)) {
            throw new IllegalArgumentException("The data file " + data + " does not exist.");
        }
        boolean csv = data.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        if (csv && schema == null) {
            throw new IllegalArgumentException("The CSV file " + data.getFileName()
                    + " needs a schema naming each column's role: give --schema FILE.");
        }
        if (schema != null) {
            DecisionDataset dataset = new CsvDecisionLoader().load(data, CsvSchema.read(schema));
            // A model's definition may add crosses to the schema's inputs (declared or chosen in training).
            if (definition != null && !dataset.definition().withCrosses(definition.crosses()).equals(definition)) {
                throw new IllegalArgumentException("The schema " + schema.getFileName()
                        + " defines other features than the model was trained with; use the model's training schema.");
            }
            return dataset;
        }
        return new JsonLinesDecisionLoader().load(data,
                definition != null ? definition : FeatureDefinition.standard(), ReferenceData.shipped());
    }

    /** Returns the default synthetic decision log, generating it first if it is not there. */
    static Path defaultSyntheticLog(ProgressListener progress) throws IOException {
        Path file = DEFAULT_DATA_DIR.resolve("synthetic-decisions-" + SyntheticDecisionLog.DEFAULT_APPLICATIONS
                + "-seed" + SyntheticDecisionLog.DEFAULT_SEED + ".jsonl");
        if (!Files.isRegularFile(file)) {
            progress.progress("generating the default synthetic decision log " + file, 0, 1);
            Files.createDirectories(file.getParent());
            new SyntheticDecisionLog(SyntheticDecisionLog.DEFAULT_SEED, SyntheticDecisionLog.DEFAULT_APPLICATIONS)
                    .writeJsonLines(file);
            progress.progress("generating the default synthetic decision log " + file, 1, 1);
        }
        return file;
    }
}
