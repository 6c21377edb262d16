package org.licencerisk.bench;

import org.licencerisk.model.data.CsvDecisionLoader;
import org.licencerisk.model.data.CsvSchema;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.data.JsonLinesDecisionLoader;
import org.licencerisk.model.evaluation.EvaluationMetrics;
import org.licencerisk.model.evaluation.RiskEvaluator;
import org.licencerisk.model.features.EncodedFeatures;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.scoring.BandThresholds;
import org.licencerisk.model.scoring.RefusalLabels;
import org.licencerisk.model.training.RiskModelTrainer;
import org.licencerisk.model.training.TrainingWeights;
import org.licencerisk.model.training.WeightDecayAdaGrad;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Measures Tribuo's LibLinear trainer (L2-regularised logistic regression, trust-region Newton, class weights)
 * against the project's SGD trainer (AdaGrad with L2 weight decay, fixed epochs) on the training period only: both
 * fitted on its older two thirds and measured on its newest third, exactly where {@code risk-model train} chooses
 * its settings. LibLinear takes no per-example weights, so recency weighting is measured for SGD only.
 * <pre>{@code java -cp bench/target/benchmarks.jar org.licencerisk.bench.LinearSolvers DATA [SCHEMA] SPLIT-DATE}</pre>
 */
public final class LinearSolvers {

    private LinearSolvers() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: LinearSolvers DATA [SCHEMA] SPLIT-DATE");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        DecisionDataset dataset = args.length == 3
                ? new CsvDecisionLoader().load(data, CsvSchema.read(Path.of(args[1])))
                : new JsonLinesDecisionLoader().load(data, FeatureDefinition.standard(), ReferenceData.shipped());
        Instant split = LocalDate.parse(args[args.length - 1]).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<DecisionRecord> labelled = dataset.before(split).labelled();
        int validationRows = (int) Math.ceil(labelled.size() / 3.0);
        List<DecisionRecord> fit = labelled.subList(0, labelled.size() - validationRows);
        List<DecisionRecord> validation = labelled.subList(labelled.size() - validationRows, labelled.size());
        FeatureDefinition definition = dataset.definition()
                .withCrosses(dataset.definition().candidateCrosses(RiskModelTrainer.MAX_PROPOSED_CROSS_INPUTS));
        System.out.printf("fit on %,d decisions, validated on the newest %,d (all before %s); crosses %s%n",
                fit.size(), validation.size(), args[args.length - 1], definition.crosses());
        System.out.println("| trainer | settings | validation AP | ROC-AUC | top 10% | fit s |");
        System.out.println("|---|---|---|---|---|---|");
        for (double c : new double[]{0.1, 0.3, 1, 3}) {
            LibLinearClassificationTrainer liblinear = new LibLinearClassificationTrainer(
                    new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), c, 1000, 0.001);
            long refusals = fit.stream().filter(DecisionRecord::refused).count();
            liblinear.setLabelWeights(Map.of(new Label(RefusalLabels.REFUSED),
                    (float) ((fit.size() - refusals) / (double) refusals), new Label(RefusalLabels.APPROVED), 1f));
            measure("LibLinear L2R_LR", "C=" + c + ", class weights", liblinear, definition, fit, validation, 0);
        }
        for (double halfLife : new double[]{0, 365}) {
            for (int epochs : new int[]{5, 15, 30}) {
                Trainer<Label> sgd = new LinearSGDTrainer(new LogMulticlass(), new WeightDecayAdaGrad(0.1, 1.0,
                        fit.size()), epochs, Integer.MAX_VALUE, 1, 42L);
                measure("SGD AdaGrad + L2 decay", "l2=1, epochs=" + epochs + ", half-life " + halfLife + " d",
                        sgd, definition, fit, validation, halfLife);
            }
        }
    }

    private static void measure(String name, String settings, Trainer<Label> trainer, FeatureDefinition definition,
                                List<DecisionRecord> fit, List<DecisionRecord> validation, double halfLife) {
        double[] weights = TrainingWeights.of(fit, halfLife);
        LabelFactory factory = new LabelFactory();
        MutableDataset<Label> dataset = new MutableDataset<>(new SimpleDataSourceProvenance("fit", factory), factory);
        for (int i = 0; i < fit.size(); i++) {
            EncodedFeatures f = definition.encode(fit.get(i).raw());
            ArrayExample<Label> e = new ArrayExample<>(RefusalLabels.of(fit.get(i).refused()), f.names(), f.values());
            e.setWeight((float) weights[i]);
            dataset.add(e);
        }
        long start = System.nanoTime();
        Model<Label> model = trainer.train(dataset);
        double seconds = (System.nanoTime() - start) / 1e9;
        double[] scores = new double[validation.size()];
        boolean[] refused = new boolean[validation.size()];
        for (int i = 0; i < scores.length; i++) {
            EncodedFeatures f = definition.encode(validation.get(i).raw());
            var prediction = model.predict(new ArrayExample<>(RefusalLabels.of(false), f.names(), f.values()));
            scores[i] = prediction.getOutputScores().get(RefusalLabels.REFUSED).getScore();
            refused[i] = validation.get(i).refused();
        }
        EvaluationMetrics m = new RiskEvaluator().evaluate(scores, refused, new BandThresholds(1, 1, 0.1, 0.3));
        System.out.printf("| %s | %s | %.3f | %.3f | %.1f%% | %.1f |%n", name, settings, m.averagePrecision(),
                m.rocAuc(), 100 * m.recallAtTop10(), seconds);
    }
}
