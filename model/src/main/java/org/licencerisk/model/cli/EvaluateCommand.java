package org.licencerisk.model.cli;

import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.evaluation.EvaluationReport;
import org.licencerisk.model.evaluation.EvaluationReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code risk-model evaluate}: an artifact on a labelled file. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a model artifact on a labelled decision file (e.g. decisions newer than its training data).",
                "Prints the headline metrics; with --out, writes metrics.json and report.html."})
final class EvaluateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "The model artifact directory.")
    Path model;

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "Labelled decisions: JSON Lines, or CSV with --schema.")
    Path data;

    @Option(names = "--schema", paramLabel = "FILE", description = "The CSV schema the model was trained with.")
    Path schema;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for metrics.json and report.html.")
    Path out;

    @Override
    public Integer call() throws Exception {
        ModelArtifact artifact = ModelArtifact.load(model);
        EvaluationReport report = ModelData.evaluate(artifact, data, schema);
        spec.commandLine().getOut().println(artifact.manifest().modelVersion() + " on " + data.getFileName() + ": "
                + Reports.summary(report.metrics()));
        if (out != null) {
            EvaluationReportWriter.write(report, out);
            spec.commandLine().getOut().println("Wrote " + out.resolve(EvaluationReportWriter.METRICS_FILE) + " and "
                    + EvaluationReportWriter.REPORT_FILE + ".");
        }
        return 0;
    }
}
