package org.licencerisk.model.scoring;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.features.EncodedFeatures;
import org.licencerisk.model.redflags.RedFlagRules;
import org.licencerisk.model.testing.SyntheticData;
import org.licencerisk.model.training.ProgressListener;
import org.licencerisk.model.training.RiskModelTrainer;
import org.licencerisk.model.training.TrainerKind;
import org.licencerisk.model.training.TrainingOptions;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.licencerisk.model.testing.Fixtures.application;

class ExplainedRiskScorerTest {

    private static DecisionDataset data;
    private static ModelArtifact logistic;
    private static ModelArtifact xgboost;

    @BeforeAll
    static void train() {
        data = SyntheticData.dataset(4000);
        logistic = new RiskModelTrainer(TrainingOptions.defaults(TrainerKind.LOGISTIC).withTune(false), ProgressListener.NONE)
                .train(data, null, "synthetic.jsonl").artifact();
        xgboost = new RiskModelTrainer(TrainingOptions.defaults(TrainerKind.XGBOOST).withTune(false), ProgressListener.NONE)
                .train(data, null, "synthetic.jsonl").artifact();
    }

    private static void assertAgreesWithTribuo(ModelArtifact artifact, double tolerance) {
        for (DecisionRecord r : data.records().subList(0, 500)) {
            EncodedFeatures f = artifact.definition().encode(r.raw());
            Prediction<Label> p = artifact.model().predict(new ArrayExample<>(new Label(RefusalLabels.APPROVED), f.names(), f.values()));
            double tribuo = p.getOutputScores().get(RefusalLabels.REFUSED).getScore();
            double ours = 1 / (1 + Math.exp(-artifact.logOdds().logOdds(f)));
            assertEquals(tribuo, ours, tolerance, "record " + r.id());
        }
    }

    @Test
    void linearLogOddsEqualTribuosPrediction() {
        assertAgreesWithTribuo(logistic, 1e-9);
    }

    @Test
    void xgboostLogOddsEqualTribuosPrediction() {
        assertAgreesWithTribuo(xgboost, 1e-5);
    }

    @Test
    void contributionsAddUpToTheLogOdds() {
        for (ModelArtifact artifact : List.of(logistic, xgboost)) {
            for (DecisionRecord r : data.records().subList(0, 200)) {
                EncodedFeatures f = artifact.definition().encode(r.raw());
                double[] c = new double[f.size() + 1];
                double logOdds = artifact.logOdds().explain(f, c);
                double sum = 0;
                for (double x : c) {
                    sum += x;
                }
                assertEquals(logOdds, sum, 1e-4, artifact.manifest().trainer() + " record " + r.id());
            }
        }
    }

    @Test
    void aSurveillanceExportToASecurityServiceScoresHighWithReasonsAndFlags() {
        for (ModelArtifact artifact : List.of(logistic, xgboost)) {
            RiskScorer scorer = artifact.scorer();
            RiskScore high = scorer.score(application("surveillance-high-risk.json"));
            RiskScore low = scorer.score(application("crypto-low-risk.json"));
            String trainer = artifact.manifest().trainer();
            assertEquals(RiskBand.HIGH, high.riskBand(), trainer + " " + high);
            assertEquals(RiskBand.LOW, low.riskBand(), trainer + " " + low);
            assertTrue(high.riskScore() > 5 * low.riskScore(), trainer);
            assertEquals(artifact.manifest().modelVersion(), high.modelVersion());
            assertTrue(high.factors().get(0).contribution() > 0);
            assertTrue(high.factors().stream().limit(ExplainedRiskScorer.MAX_UP).allMatch(f -> f.sentence().length() > 10));
            assertTrue(high.redFlags().stream().anyMatch(f -> f.code().equals(RedFlagRules.SURVEILLANCE_FOR_SECURITY_END_USER)));
            assertEquals(List.of(), low.redFlags());
        }
    }

    @Test
    void factorsAreOrderedRisingFirstThenLowering() {
        RiskScore score = logistic.scorer().score(application("surveillance-high-risk.json"));
        List<Factor> factors = score.factors();
        int firstDown = 0;
        while (firstDown < factors.size() && factors.get(firstDown).contribution() > 0) {
            firstDown++;
        }
        for (int i = 1; i < firstDown; i++) {
            assertTrue(factors.get(i - 1).contribution() >= factors.get(i).contribution());
        }
        for (int i = firstDown; i < factors.size(); i++) {
            assertTrue(factors.get(i).contribution() < 0, "rising factor after a lowering one: " + factors);
        }
        assertTrue(firstDown <= ExplainedRiskScorer.MAX_UP && factors.size() - firstDown <= ExplainedRiskScorer.MAX_DOWN);
    }

    @Test
    void anOfficerReadsTheSurveillanceEntryInWords() {
        RiskScore score = logistic.scorer().score(application("surveillance-high-risk.json"));
        assertTrue(score.factors().stream().anyMatch(f -> f.sentence().equals("5A001.j: IP network communications surveillance system"))
                || score.factors().stream().noneMatch(f -> f.feature().equals("controlListEntries=5A001.j")), score.factors().toString());
        assertTrue(score.factors().stream().anyMatch(f -> f.sentence().startsWith("Destination")
                || f.sentence().startsWith("Cyber-surveillance")), score.factors().toString());
    }

    @Test
    void scoringIsThreadSafe() throws Exception {
        RiskScorer scorer = xgboost.scorer();
        LicenceApplication a = application("surveillance-high-risk.json");
        LicenceApplication b = application("crypto-low-risk.json");
        RiskScore expectedA = scorer.score(a);
        RiskScore expectedB = scorer.score(b);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 200; i++) {
                boolean first = i % 2 == 0;
                results.add(pool.submit(() -> first ? scorer.score(a).equals(expectedA) : scorer.score(b).equals(expectedB)));
            }
            for (Future<Boolean> f : results) {
                assertTrue(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
