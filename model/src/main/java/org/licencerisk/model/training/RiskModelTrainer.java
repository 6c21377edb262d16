package org.licencerisk.model.training;

import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.artifact.ModelSelection;
import org.licencerisk.model.artifact.SelectionCandidate;
import org.licencerisk.model.artifact.TrainingSummary;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.evaluation.EvaluationMetrics;
import org.licencerisk.model.evaluation.RiskEvaluator;
import org.licencerisk.model.features.EncodedFeatures;
import org.licencerisk.model.features.FeatureCross;
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
import org.tribuo.provenance.SimpleDataSourceProvenance;

import com.oracle.labs.mlrg.olcut.provenance.ProvenanceUtil;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Trains a calibrated refusal-risk model on historical decisions, time-ordered throughout:
 * <ol>
 *     <li>the test period is the newest decisions (from the split date, or an explicit test set); never a random
 *     split, and nothing below looks at it before the final evaluation;</li>
 *     <li>within the training period, the newest {@code validationShare} of labelled decisions is the validation
 *     period: each candidate setting ({@link ModelTuning}; one when not tuning) is fitted on the older decisions,
 *     weighted by recency and class ({@link TrainingWeights}), and measured there; the best mean of the three
 *     figures an officer's queue is judged by (average precision, ROC-AUC, refusals in the top 10%) wins;</li>
 *     <li>Platt scaling is fitted on the chosen candidate's validation scores;</li>
 *     <li>the weights are fitted again with the chosen settings on the whole training period, so the newest
 *     decisions inform the model too, and the calibration is applied to them;</li>
 *     <li>band thresholds are quantiles of the training period's calibrated scores;</li>
 *     <li>the test period is scored and evaluated.</li>
 * </ol>
 * The same data, options and seed give the same model. Not thread-safe (Tribuo trainers are not).
 */
public final class RiskModelTrainer {

    /** Fewest refusals (and approvals) a period needs to be learned from or evaluated on. */
    public static final int MIN_PER_CLASS = 5;
    /** The most categorical inputs for which crosses are proposed when the definition declares none. */
    public static final int MAX_PROPOSED_CROSS_INPUTS = 2;
    /** What the choice among candidates maximises. */
    public static final String CRITERION = "the mean of validation average precision, ROC-AUC and refusals in the top 10% "
            + "(ties: lower log loss, then the earlier candidate)";
    private static final double DEFAULT_TEST_SHARE = 0.2;
    /** Thresholds for measuring candidates, whose bands nobody reads. */
    private static final BandThresholds UNBANDED = new BandThresholds(1.0, 1.0, 0.1, 0.3);
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
        List<DecisionRecord> testLabelled = testPeriod.labelled();
        requireBothClasses(testLabelled, "test period");
        Chosen chosen = choose(trainPeriod);
        FeatureDefinition definition = chosen.definition();
        TrainingOptions settings = chosen.settings();
        List<DecisionRecord> labelled = trainPeriod.labelled();

        progress.progress("refitting on the whole training period", 0, 1);
        Model<Label> model = fitModel(definition, labelled, settings, data.sourceSha256());
        LogOddsModel logOdds = LogOddsModel.of(model);
        progress.progress("refitting on the whole training period", 1, 1);
        Calibration calibration = chosen.calibration();

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
        ModelSelection selection = chosen.selection();
        TrainingSummary summary = new TrainingSummary(dataSource, trainPeriod.records().get(0).decidedAt(),
                trainPeriod.records().get(trainPeriod.records().size() - 1).decidedAt(), split, labelled.size(),
                selection.validationRows(), testLabelled.size(), trainPeriod.outcomeCounts());
        ModelManifest manifest = new ModelManifest(ModelManifest.FORMAT_VERSION, version, createdAt,
                options.trainer().id(), settings.hyperparameters(), options.seed(), definition.specs(),
                definition.crosses(), FeatureDefinition.ENCODING_VERSION, definition.fingerprint(),
                definition.referenceDataVersion(), calibration, thresholds, summary, metrics, data.sourceSha256(),
                modelSha, ProvenanceUtil.formattedProvenanceString(model.getProvenance()), selection);
        return new TrainingResult(ModelArtifact.of(manifest, model, modelBytes), metrics, testScores, testRefused,
                testPeriod);
    }

    /**
     * Chooses the settings and fits the calibration on the training period alone: candidates fitted on its older
     * part, measured on its newest part. It is given nothing else, so the test period cannot sway the choice.
     *
     * @param trainPeriod the decisions before the test period
     * @return the chosen settings, feature definition, calibration and the record of the choice
     */
    public Chosen choose(DecisionDataset trainPeriod) {
        List<DecisionRecord> labelled = trainPeriod.labelled();
        requireBothClasses(labelled, "training period");
        int validationRows = (int) Math.ceil(labelled.size() * options.validationShare());
        List<DecisionRecord> fit = labelled.subList(0, labelled.size() - validationRows);
        List<DecisionRecord> validation = labelled.subList(labelled.size() - validationRows, labelled.size());
        requireBothClasses(fit, "fitting part of the training period");
        requireBothClasses(validation, "validation part (the newest " + Math.round(options.validationShare() * 100)
                + "%) of the training period");
        FeatureDefinition base = trainPeriod.definition();
        List<FeatureCross> crosses = base.candidateCrosses(MAX_PROPOSED_CROSS_INPUTS);
        List<TrainingOptions> candidates = ModelTuning.candidates(options, !crosses.isEmpty());
        boolean[] refused = labels(validation);
        List<SelectionCandidate> tried = new ArrayList<>();
        int best = -1;
        double[] bestLogOdds = null;
        for (int i = 0; i < candidates.size(); i++) {
            TrainingOptions candidate = candidates.get(i);
            progress.progress("choosing settings on the validation period (" + candidate.settings() + ")", i,
                    candidates.size());
            FeatureDefinition definition = base.withCrosses(candidate.crosses() ? crosses : List.of());
            LogOddsModel model = LogOddsModel.of(fitModel(definition, fit, candidate, trainPeriod.sourceSha256()));
            double[] logOdds = logOdds(definition, model, validation);
            Calibration calibration = PlattScaling.fit(logOdds, refused);
            double[] scores = logOdds.clone();
            for (int k = 0; k < scores.length; k++) {
                scores[k] = calibration.probability(scores[k]);
            }
            EvaluationMetrics m = new RiskEvaluator().evaluate(scores, refused, UNBANDED);
            tried.add(new SelectionCandidate(candidate.settings(), m.averagePrecision(), m.rocAuc(),
                    m.recallAtTop10(), logLoss(scores, refused)));
            if (best < 0 || better(tried.get(i), tried.get(best))) {
                best = i;
                bestLogOdds = logOdds;
            }
        }
        progress.progress("choosing settings on the validation period", candidates.size(), candidates.size());
        TrainingOptions settings = candidates.get(best);
        FeatureDefinition definition = base.withCrosses(settings.crosses() ? crosses : List.of());
        Calibration calibration = PlattScaling.fit(bestLogOdds, refused);
        ModelSelection selection = new ModelSelection(CRITERION, validation.get(0).decidedAt(),
                validation.get(validation.size() - 1).decidedAt(), fit.size(), validation.size(), tried, best,
                labelled.size());
        return new Chosen(settings, definition, calibration, selection);
    }

    /**
     * The outcome of choosing on the validation period.
     *
     * @param settings    the chosen options
     * @param definition  the feature definition, with the crosses if chosen
     * @param calibration the calibration fitted on the validation period
     * @param selection   the record of every candidate and the choice
     */
    public record Chosen(TrainingOptions settings, FeatureDefinition definition, Calibration calibration,
                         ModelSelection selection) {
    }

    private static boolean better(SelectionCandidate a, SelectionCandidate b) {
        double ma = a.averagePrecision() + a.rocAuc() + a.recallAtTop10();
        double mb = b.averagePrecision() + b.rocAuc() + b.recallAtTop10();
        if (ma != mb) {
            return ma > mb;
        }
        return a.logLoss() < b.logLoss();
    }

    private static double logLoss(double[] scores, boolean[] refused) {
        double sum = 0;
        for (int i = 0; i < scores.length; i++) {
            double p = Math.min(Math.max(scores[i], 1e-15), 1 - 1e-15);
            sum -= refused[i] ? Math.log(p) : Math.log1p(-p);
        }
        return sum / scores.length;
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

    private Model<Label> fitModel(FeatureDefinition definition, List<DecisionRecord> fit, TrainingOptions settings,
                                  String dataSha) {
        double[] weights = TrainingWeights.of(fit, settings.halfLifeDays());
        LabelFactory factory = new LabelFactory();
        Instant newest = fit.get(fit.size() - 1).decidedAt();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance(
                "historical decisions sha256=" + dataSha, newest.atOffset(ZoneOffset.UTC), factory), factory);
        for (int i = 0; i < fit.size(); i++) {
            DecisionRecord r = fit.get(i);
            EncodedFeatures f = definition.encode(r.raw());
            ArrayExample<Label> example = new ArrayExample<>(RefusalLabels.of(r.refused()), f.names(), f.values());
            example.setWeight((float) weights[i]);
            dataset.add(example);
        }
        Trainer<Label> trainer = switch (settings.trainer()) {
            case LOGISTIC -> new LinearSGDTrainer(new LogMulticlass(), new WeightDecayAdaGrad(settings.learningRate(),
                    settings.l2(), fit.size()), settings.epochs(), Integer.MAX_VALUE, 1, settings.seed());
            case XGBOOST -> new XGBoostClassificationTrainer(settings.trees(), settings.eta(), 0.0,
                    settings.maxDepth(), 1.0, 1.0, 1.0, 1.0, 0.0, 1, true, settings.seed());
        };
        return trainer.train(dataset);
    }

    private static double[] logOdds(FeatureDefinition definition, LogOddsModel model, List<DecisionRecord> records) {
        List<EncodedFeatures> features = new java.util.ArrayList<>(records.size());
        for (DecisionRecord r : records) {
            features.add(definition.encode(r.raw()));
        }
        return model.logOdds(features);
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
