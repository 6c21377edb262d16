package org.licencerisk.model.cli;

import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.evaluation.EvaluationReport;
import org.licencerisk.model.evaluation.ReportComparison;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code risk-model compare}: two artifacts on the same data, side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compare two model artifacts on the same labelled decisions, side by side.",
                "The first --model is the reference (e.g. the champion), the second the challenger."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, arity = "1", description = "A model artifact directory; give exactly two.")
    java.util.List<Path> models;

    @Option(names = "--data", paramLabel = "FILE", required = true, description = "Labelled decisions: JSON Lines, or CSV with --schema.")
    Path data;

    @Option(names = "--schema", paramLabel = "FILE", description = "The CSV schema both models were trained with.")
    Path schema;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the comparison as an HTML page with both curves.")
    Path html;

    @Override
    public Integer call() throws Exception {
        if (models.size() != 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Give exactly two --model options, found " + models.size() + ".");
        }
        EvaluationReport first = ModelData.evaluate(ModelArtifact.load(models.get(0)), data, schema);
        EvaluationReport second = ModelData.evaluate(ModelArtifact.load(models.get(1)), data, schema);
        spec.commandLine().getOut().print(ReportComparison.text(first, second));
        if (html != null) {
            ReportComparison.writeHtml(first, second, html);
            spec.commandLine().getOut().println("Wrote " + html + ".");
        }
        return 0;
    }
}
