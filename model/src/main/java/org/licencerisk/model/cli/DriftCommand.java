package org.licencerisk.model.cli;

import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.monitoring.BandAgreement;
import org.licencerisk.model.monitoring.DriftAnalyzer;
import org.licencerisk.model.monitoring.DriftReport;
import org.licencerisk.model.monitoring.DriftReportWriter;
import org.licencerisk.model.monitoring.FeatureDrift;
import org.licencerisk.model.scoring.RiskBand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code risk-model drift}: recent applications against a model's baseline, as drift.json and drift.html. */
@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {"Compare recent applications with a model's baseline (its training data or a sample of it):",
                "population stability index of the scores and of every feature, and how the risk bands agree with",
                "officers' recent decisions. Writes drift.json and drift.html into --out."})
final class DriftCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "The model artifact directory.")
    Path model;

    @Option(names = "--baseline", paramLabel = "FILE", required = true,
            description = "The model's training data or a sample of it: JSON Lines, or CSV with --schema.")
    Path baseline;

    @Option(names = "--recent", paramLabel = "FILE", required = true,
            description = "Recent applications, decided or not, in the same format as --baseline.")
    Path recent;

    @Option(names = "--schema", paramLabel = "FILE", description = "The CSV schema the model was trained with.")
    Path schema;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory for drift.json and drift.html.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Progress progress = new Progress(spec.commandLine().getErr());
        ModelArtifact artifact = ModelArtifact.load(model);
        DecisionDataset baselineData = load(baseline, artifact, progress);
        DecisionDataset recentData = load(recent, artifact, progress);
        progress.progress("scoring and binning", 0, 1);
        DriftReport report = new DriftAnalyzer().analyze(artifact, baselineData, recentData);
        progress.progress("scoring and binning", 1, 1);
        DriftReportWriter.write(report, out);
        PrintWriter w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "%s: %,d recent applications against a baseline of %,d.%n", report.modelVersion(),
                report.recent().applications(), report.baseline().applications());
        w.printf(Locale.ROOT, "Score PSI %.4f (%s).%n", report.scorePsi(), report.scoreStatus());
        List<FeatureDrift> significant = report.significantFeatures();
        w.println(significant.isEmpty() ? "No feature shifted significantly (PSI > 0.25)."
                : "Shifted significantly (PSI > 0.25): " + String.join(", ", significant.stream()
                .map(f -> String.format(Locale.ROOT, "%s %.3f", f.name(), f.psi())).toList()) + ".");
        BandAgreement high = report.band(RiskBand.HIGH);
        w.printf(Locale.ROOT, "HIGH band: %,d recent decisions, %,d refused; it held %,d of %,d recent refusals.%n",
                high.decisions(), high.refusals(), high.refusals(), report.recent().refusals());
        w.println("Wrote " + out.resolve(DriftReportWriter.JSON_FILE) + " and " + DriftReportWriter.HTML_FILE + ".");
        return 0;
    }

    private DecisionDataset load(Path file, ModelArtifact artifact, Progress progress) throws IOException {
        progress.progress("loading " + file.getFileName(), 0, 1);
        DecisionDataset data = DataFiles.load(file, schema, artifact.definition());
        progress.progress("loading " + file.getFileName() + " (" + data.records().size() + " applications)", 1, 1);
        return data;
    }
}
