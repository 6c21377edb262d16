package org.licencerisk.model.cli;

import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.evaluation.EvaluationReportWriter;
import org.licencerisk.model.training.RiskModelTrainer;
import org.licencerisk.model.training.TrainerKind;
import org.licencerisk.model.training.TrainingOptions;
import org.licencerisk.model.training.TrainingResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code risk-model train}: trains, evaluates on the newest decisions and writes the artifact with its reports. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Train a refusal-risk model on historical decisions and evaluate it on the newest ones.",
                "Writes the artifact (model.tribuo, manifest.json), metrics.json and report.html into --out.",
                "Without --data, trains on the default synthetic decision log (generated into .local/data)."})
final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "FILE", description = "Historical decisions: JSON Lines (.jsonl) or a CSV decision log with --schema.")
    Path data;

    @Option(names = "--schema", paramLabel = "FILE", description = "The CSV decision log's schema (JSON): each column's role.")
    Path schema;

    @Option(names = "--test", paramLabel = "FILE", description = "An explicit test file of newer decisions, in the same format as --data.")
    Path test;

    @Option(names = "--split-date", paramLabel = "YYYY-MM-DD", description = "Decisions from this date on form the test period. Default: the newest 20%% of labelled decisions.")
    LocalDate splitDate;

    @Option(names = "--trainer", paramLabel = "NAME", defaultValue = "logistic", description = "logistic or xgboost (default: ${DEFAULT-VALUE}).")
    String trainer;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}); the same data and seed give the same model.")
    long seed;

    @Option(names = "--tune", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Choose the settings (regularisation, recency half-life, crosses on/off; for XGBoost depth, "
                    + "trees and learning rate) on the newest 20%% of the training period, never the test period "
                    + "(default: on). --no-tune trains once with --l2, --half-life-days and --crosses.")
    boolean tune;

    @Option(names = "--validation-share", paramLabel = "SHARE", description = "The newest share of the training period's decisions on which settings are chosen and the calibration is fitted (default: one third).")
    Double validationShare;

    @Option(names = "--l2", paramLabel = "STRENGTH", description = "L2 regularisation of the logistic model, with --no-tune (default: 1e-4).")
    Double l2;

    @Option(names = "--half-life-days", paramLabel = "DAYS", description = "Recency weighting: a decision this many days older than the newest weighs half; 0 for none. With --no-tune (default: 730).")
    Double halfLifeDays;

    @Option(names = "--crosses", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Use the feature crosses (the schema's, or destination × list entries for a log with two categorical columns). With --no-tune (default: on).")
    boolean crosses;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "A new or empty directory for the artifact and reports.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (test != null && splitDate != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Give either --test or --split-date, not both.");
        }
        TrainerKind kind = parseTrainer();
        Progress progress = new Progress(spec.commandLine().getErr());
        Path dataFile = data != null ? data : DataFiles.defaultSyntheticLog(progress);
        progress.progress("loading " + dataFile.getFileName(), 0, 1);
        DecisionDataset dataset = DataFiles.load(dataFile, schema, null);
        DecisionDataset testSet = test == null ? null : DataFiles.load(test, schema, dataset.definition());
        progress.progress("loading " + dataFile.getFileName() + " (" + dataset.records().size() + " decisions)", 1, 1);
        TrainingOptions.Builder builder = TrainingOptions.builder(kind).seed(seed).tune(tune).crosses(crosses)
                .splitDate(splitDate == null ? null : splitDate.atStartOfDay(ZoneOffset.UTC).toInstant());
        if (validationShare != null) {
            builder.validationShare(validationShare);
        }
        if (l2 != null) {
            builder.l2(l2);
        }
        if (halfLifeDays != null) {
            builder.halfLifeDays(halfLifeDays);
        }
        TrainingOptions options = parseOptions(builder);
        TrainingResult result = new RiskModelTrainer(options, progress).train(dataset, testSet,
                dataFile.getFileName().toString());
        ModelManifest m = result.artifact().manifest();
        result.artifact().writeTo(out, dir -> EvaluationReportWriter.write(Reports.report(m, result.testPeriod(),
                result.testScores(), result.testRefused()), dir));
        var w = spec.commandLine().getOut();
        w.printf(Locale.ROOT, "Trained %s on %,d decisions (%s to %s); tested on %,d newer ones.%n", m.modelVersion(),
                m.training().fitRows(), m.training().firstDecision(),
                m.training().lastDecision(), m.training().testRows());
        w.println(Reports.selection(m.selection()));
        w.println(Reports.summary(result.metrics()));
        if (!result.artifact().definition().canScoreApplications()) {
            w.println("Note: columns " + result.artifact().definition().untiedFeatures()
                    + " are not tied to application fields, so this model can be evaluated but not deployed for scoring.");
        }
        w.println("Wrote " + out.resolve("manifest.json") + ", model.tribuo, metrics.json and report.html.");
        return 0;
    }

    private TrainingOptions parseOptions(TrainingOptions.Builder builder) {
        try {
            return builder.build();
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private TrainerKind parseTrainer() {
        try {
            return TrainerKind.fromId(trainer);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
