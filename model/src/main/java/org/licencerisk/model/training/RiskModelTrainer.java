package org.licencerisk.model.training;

import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.artifact.TrainingSummary;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.evaluation.EvaluationMetrics;
import org.licencerisk.model.evaluation.RiskEvaluator;
import org.licencerisk.model.features.EncodedFeatures;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.io.AtomicFiles;
import org.licencerisk.model.scoring.BandThresholds;
import org.licencerisk.model.scoring.Calibration;
import org.licencerisk.model.scoring.LogOddsModel;
import org.licencerisk.model.scoring.RefusalLabels;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.classification.xgboost.XGBoostClassificationTrainer;
import org.tribuo.impl.ArrayExample;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Trains a calibrated refusal-risk model on historical decisions, time-ordered throughout:
 * <ol>
 *     <li>the test period is the newest decisions (from the split date, or an explicit test set); never a random
 *     split;</li>
 *     <li>within the training period, the newest {@code calibrationShare} of labelled decisions is kept apart;
 *     the model is fitted on the older ones, with refusals weighted so both classes weigh the same;</li>
 *     <li>Platt scaling is fitted on the kept-apart decisions, so scores are probabilities of refusal;</li>
 *     <li>band thresholds are quantiles of the training period's calibrated scores;</li>
 *     <li>the test period is scored and evaluated.</li>
 * </ol>
 * The same data, options and seed give the same model. Not thread-safe (Tribuo trainers are not).
 */
public final class RiskModelTrainer {

    /** Fewest refusals (and approvals) a period needs to be learned from or evaluated on. */
    public static final int MIN_PER_CLASS = 5;
    private static final double DEFAULT_TEST_SHARE = 0.2;
    private static final DateTimeFormatter VERSION_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final TrainingOptions options;
    private final ProgressListener progress;

    public RiskModelTrainer(TrainingOptions options, ProgressListener progress) {
        this.options = Objects.requireNonNull(options, "options");
        this.progress = Objects.requireNonNull(progress, "progress");
    }

    /**
     * Trains and evaluates.
     *
     * @param data         the historical decisions
     * @param explicitTest a separate test set (its decisions should be newer), or {@code null} to split {@code data}
     *                     by time
     * @param dataSource   the training data's file name, for the manifest
     * @throws IllegalArgumentException if a period has too few refusals or approvals, or the test set was read
     *                                  under another feature definition
     */
    public TrainingResult train(DecisionDataset data, DecisionDataset explicitTest, String dataSource) {
        DecisionDataset trainPeriod;
        DecisionDataset testPeriod;
        Instant split = null;
        if (explicitTest != null) {
            if (!explicitTest.definition().equals(data.definition())) {
                throw new IllegalArgumentException("The test set was read with another feature definition than the "
                        + "training data; give both in the same format and schema.");
            }
            trainPeriod = data;
            testPeriod = explicitTest;
        } else {
            split = options.splitDate() != null ? options.splitDate() : defaultSplit(data);
            trainPeriod = data.before(split);
            testPeriod = data.from(split);
        }
        FeatureDefinition definition = data.definition();
        List<DecisionRecord> labelled = trainPeriod.labelled();
        requireBothClasses(labelled, "training period");
        List<DecisionRecord> testLabelled = testPeriod.labelled();
        requireBothClasses(testLabelled, "test period");

        int calibrationRows = (int) Math.ceil(labelled.size() * options.calibrationShare());
        List<DecisionRecord> fit = labelled.subList(0, labelled.size() - calibrationRows);
        List<DecisionRecord> calibrationSet = labelled.subList(labelled.size() - calibrationRows, labelled.size());
        requireBothClasses(fit, "fitting part of the training period");
        requireBothClasses(calibrationSet, "calibration part (the newest " + Math.round(options.calibrationShare() * 100)
                + "%) of the training period");

        Model<Label> model = fitModel(definition, fit, data.sourceSha256());
        LogOddsModel logOdds = LogOddsModel.of(model);

        progress.progress("calibrating", 0, calibrationSet.size());
        double[] calibrationLogOdds = logOdds(definition, logOdds, calibrationSet);
        Calibration calibration = PlattScaling.fit(calibrationLogOdds, labels(calibrationSet));
        progress.progress("calibrating", calibrationSet.size(), calibrationSet.size());

        double[] periodScores = scores(definition, logOdds, calibration, trainPeriod.records());
        BandThresholds thresholds = thresholds(periodScores);

        progress.progress("evaluating", 0, testLabelled.size());
        double[] testScores = scores(definition, logOdds, calibration, testLabelled);
        boolean[] testRefused = labels(testLabelled);
        EvaluationMetrics metrics = new RiskEvaluator().evaluate(testScores, testRefused, thresholds);
        progress.progress("evaluating", testLabelled.size(), testLabelled.size());

        byte[] modelBytes = ModelArtifact.serialize(model);
        String modelSha = AtomicFiles.sha256(modelBytes);
        Instant createdAt = Instant.now();
        String version = options.trainer().id() + "-" + VERSION_TIME.format(createdAt) + "-" + modelSha.substring(0, 8);
        TrainingSummary summary = new TrainingSummary(dataSource, trainPeriod.records().get(0).decidedAt(),
                trainPeriod.records().get(trainPeriod.records().size() - 1).decidedAt(), split, fit.size(),
                calibrationSet.size(), testLabelled.size(), trainPeriod.outcomeCounts());
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, version, createdAt,
                options.trainer().id(), options.hyperparameters(), options.seed(), definition.specs(),
                FeatureDefinition.ENCODING_VERSION, definition.fingerprint(), definition.referenceDataVersion(),
                calibration, thresholds, summary, metrics, data.sourceSha256(), modelSha,
                ProvenanceUtil.formattedProvenanceString(model.getProvenance()));
        return new TrainingResult(ModelArtifact.of(manifest, model, modelBytes), metrics, testScores, testRefused,
                testPeriod);
    }

    /** Scores decisions with an existing artifact's model, calibration included (for {@code evaluate}/{@code compare}). */
    public static double[] scores(ModelArtifact artifact, List<DecisionRecord> records) {
        return scores(artifact.definition(), artifact.logOdds(), artifact.manifest().calibration(), records);
    }

    /** Returns the refusal labels of labelled decisions. */
    public static boolean[] labels(List<DecisionRecord> records) {
        boolean[] y = new boolean[records.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = records.get(i).refused();
        }
        return y;
    }

    private Model<Label> fitModel(FeatureDefinition definition, List<DecisionRecord> fit, String dataSha) {
        long refusals = fit.stream().filter(DecisionRecord::refused).count();
        float refusalWeight = (float) ((fit.size() - refusals) / (double) refusals);
        LabelFactory factory = new LabelFactory();
        Instant newest = fit.get(fit.size() - 1).decidedAt();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(
                "historical decisions sha256=" + dataSha, newest.atOffset(ZoneOffset.UTC), factory), factory);
        int n = 0;
        for (DecisionRecord r : fit) {
            EncodedFeatures f = definition.encode(r.raw());
            ArrayExample<Label> example = new ArrayExample<>(RefusalLabels.of(r.refused()), f.names(), f.values());
            example.setWeight(r.refused() ? refusalWeight : 1.0f);
            dataset.add(example);
            if (++n % 10_000 == 0) {
                progress.progress("encoding", n, fit.size());
            }
        }
        progress.progress("encoding", n, fit.size());
        progress.progress("fitting " + options.trainer().id(), 0, 1);
        Trainer<Label> trainer = switch (options.trainer()) {
            case LOGISTIC -> new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(options.learningRate(), 0.1),
                    options.epochs(), Integer.MAX_VALUE, 1, options.seed());
            case XGBOOST -> new XGBoostClassificationTrainer(options.trees(), options.eta(), 0.0, options.maxDepth(),
                    1.0, 1.0, 1.0, 1.0, 0.0, 1, true, options.seed());
        };
        Model<Label> model = trainer.train(dataset);
        progress.progress("fitting " + options.trainer().id(), 1, 1);
        return model;
    }

    private static double[] logOdds(FeatureDefinition definition, LogOddsModel model, List<DecisionRecord> records) {
        double[] out = new double[records.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = model.logOdds(definition.encode(records.get(i).raw()));
        }
        return out;
    }

    private static double[] scores(FeatureDefinition definition, LogOddsModel model, Calibration calibration,
                                   List<DecisionRecord> records) {
        double[] out = logOdds(definition, model, records);
        for (int i = 0; i < out.length; i++) {
            out[i] = calibration.probability(out[i]);
        }
        return out;
    }

    private BandThresholds thresholds(double[] scores) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double high = sorted[Math.min(n - 1, (int) Math.floor((1 - options.highShare()) * n))];
        double medium = sorted[Math.min(n - 1, (int) Math.floor((1 - options.mediumShare()) * n))];
        return new BandThresholds(medium, high, options.highShare(), options.mediumShare());
    }

    private static Instant defaultSplit(DecisionDataset data) {
        List<DecisionRecord> labelled = data.labelled();
        if (labelled.size() < 10) {
            throw new IllegalArgumentException("The data holds only " + labelled.size()
                    + " approved or refused decisions; at least 10 are needed to split it by time.");
        }
        return labelled.get((int) Math.floor(labelled.size() * (1 - DEFAULT_TEST_SHARE))).decidedAt();
    }

    private static void requireBothClasses(List<DecisionRecord> records, String period) {
        long refusals = records.stream().filter(DecisionRecord::refused).count();
        long approvals = records.size() - refusals;
        if (refusals < MIN_PER_CLASS || approvals < MIN_PER_CLASS) {
            throw new IllegalArgumentException("The " + period + " has " + refusals + " refusals and " + approvals
                    + " approvals; at least " + MIN_PER_CLASS + " of each are needed. Use more data or another split date.");
        }
    }
}
