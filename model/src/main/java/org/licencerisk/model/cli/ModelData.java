package org.licencerisk.model.cli;

import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.evaluation.EvaluationReport;
import org.licencerisk.model.training.RiskModelTrainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Scores a labelled data file with an artifact and builds its evaluation report. */
final class ModelData {

    private ModelData() {
    }

    static EvaluationReport evaluate(ModelArtifact artifact, Path data, Path schema) throws IOException {
        DecisionDataset dataset = DataFiles.load(data, schema, artifact.definition());
        List<DecisionRecord> labelled = dataset.labelled();
        if (labelled.isEmpty()) {
            throw new IllegalArgumentException("The file " + data.getFileName() + " holds no approved or refused decisions to evaluate on.");
        }
        return Reports.report(artifact.manifest(), dataset, RiskModelTrainer.scores(artifact, labelled),
                RiskModelTrainer.labels(labelled));
    }
}
