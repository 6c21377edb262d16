package org.licencerisk.model.cli;

import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.features.FeatureSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code risk-model inspect}: the manifest and provenance of an artifact, after verifying it. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Verify a model artifact and show its manifest (version, trainer, features, thresholds, metrics) and Tribuo provenance.")
final class InspectCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", paramLabel = "DIR", required = true, description = "The model artifact directory.")
    Path model;

    @Option(names = "--json", description = "Print the whole manifest as JSON.")
    boolean json;

    @Override
    public Integer call() {
        ModelArtifact artifact = ModelArtifact.load(model);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(new String(artifact.manifestJson(), StandardCharsets.UTF_8));
            return 0;
        }
        ModelManifest m = artifact.manifest();
        out.println("Model           " + m.modelVersion() + " (verified: checksum and feature definition match)");
        out.println("Created         " + m.createdAt());
        out.println("Trainer         " + m.trainer() + " " + m.hyperparameters() + ", seed " + m.seed());
        out.println("Training data   " + m.training().dataSource() + " sha256 " + m.trainingDataSha256());
        out.println("Period          " + m.training().firstDecision() + " to " + m.training().lastDecision()
                + (m.training().splitDate() != null ? ", test from " + m.training().splitDate() : ""));
        out.printf(Locale.ROOT, "Rows            fit %,d, calibration %,d, test %,d; outcomes %s%n", m.training().fitRows(),
                m.training().calibrationRows(), m.training().testRows(), m.training().outcomeCounts());
        out.println("Reference data  " + m.referenceDataVersion());
        out.println("Features        " + m.features().size() + " (fingerprint " + m.featureFingerprint() + ")");
        for (FeatureSpec f : m.features()) {
            out.println("                - " + f.name() + " " + f.kind() + (f.tied() ? "" : " (untied: cannot score API applications)"));
        }
        out.printf(Locale.ROOT, "Calibration     Platt slope %.4f, intercept %.4f%n", m.calibration().slope(), m.calibration().intercept());
        out.printf(Locale.ROOT, "Bands           MEDIUM >= %.4f, HIGH >= %.4f%n", m.bandThresholds().medium(), m.bandThresholds().high());
        out.println("Test metrics    " + Reports.summary(m.metrics()));
        out.println("Model file      sha256 " + m.modelFileSha256());
        out.println("Provenance");
        out.println(m.tribuoProvenance());
        return 0;
    }
}
