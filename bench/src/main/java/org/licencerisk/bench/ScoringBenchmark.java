package org.licencerisk.bench;

import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.features.EncodedFeatures;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.scoring.LogOddsModel;
import org.licencerisk.model.scoring.RiskScore;
import org.licencerisk.model.scoring.RiskScorer;
import org.licencerisk.model.training.TrainerKind;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Scoring one application, for each model type: the full {@link RiskScorer#score} path (feature extraction,
 * log-odds and exact contributions, calibration, factors with sentences, red flags), and, to show where the time
 * goes, feature extraction alone and the model's log-odds alone on pre-encoded features.
 * <p>
 * Setup loads a model trained with the default options on the 20,000-row synthetic log (fixed seed; trained once
 * and cached, see {@link BenchData#artifact}) as a service would, and takes the newest {@value BenchData#APPLICATIONS} applications of the log; each
 * call scores the next one, cycling. {@link Mode#SampleTime} gives percentiles (p50, p99) in microseconds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(2)
public class ScoringBenchmark {

    /** The model type: {@code logistic} or {@code xgboost}. */
    @Param({"logistic", "xgboost"})
    public String model;

    private RiskScorer scorer;
    private LogOddsModel logOdds;
    private FeatureDefinition definition;
    private ReferenceData referenceData;
    private LicenceApplication[] applications;
    private EncodedFeatures[] encoded;

    @Setup(Level.Trial)
    public void setUp() {
        DecisionDataset data = BenchData.dataset(BenchData.SCORING_ROWS);
        ModelArtifact artifact = ModelArtifact.load(BenchData.artifact(TrainerKind.fromId(model)));
        scorer = artifact.scorer();
        logOdds = artifact.logOdds();
        definition = artifact.definition();
        referenceData = ReferenceData.shipped();
        List<LicenceApplication> apps = BenchData.applications(data, BenchData.APPLICATIONS);
        applications = apps.toArray(new LicenceApplication[0]);
        encoded = apps.stream().map(a -> definition.features(a, referenceData)).toArray(EncodedFeatures[]::new);
    }

    /** The index of the next application; per thread, so threads do not contend on it. */
    @State(Scope.Thread)
    public static class Cursor {
        private int next;

        int next(int size) {
            int i = next;
            next = i + 1 == size ? 0 : i + 1;
            return i;
        }
    }

    /** The full path an API call takes. */
    @Benchmark
    public RiskScore score(Cursor cursor) {
        return scorer.score(applications[cursor.next(applications.length)]);
    }

    /** Feature extraction and encoding only (reference-data look-ups included). */
    @Benchmark
    public EncodedFeatures features(Cursor cursor) {
        return definition.features(applications[cursor.next(applications.length)], referenceData);
    }

    /** The model's raw log-odds only, on features encoded in setup: what a plain predict does. */
    @Benchmark
    public double logOdds(Cursor cursor) {
        return logOdds.logOdds(encoded[cursor.next(encoded.length)]);
    }
}
