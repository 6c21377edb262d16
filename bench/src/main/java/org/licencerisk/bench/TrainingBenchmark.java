package org.licencerisk.bench;

import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionDataset;
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

import java.util.concurrent.TimeUnit;

/**
 * Training a model as {@code risk-model train} does, on the synthetic log of 20,000 and 100,000 rows: time-ordered
 * split, encoding, fitting, Platt calibration, band thresholds, evaluation on the test period and serialisation.
 * The {@link DecisionDataset} is loaded in setup; loading is measured by {@link LoadingBenchmark}.
 * Each iteration trains one model from scratch ({@link Mode#SingleShotTime}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class TrainingBenchmark {

    /** The trainer: {@code logistic} or {@code xgboost}. */
    @Param({"logistic", "xgboost"})
    public String trainer;

    /** Rows of the synthetic log (every outcome; about 86% are approved or refused and so learned from). */
    @Param({"20000", "100000"})
    public int rows;

    /** Whether the settings are chosen on the validation period first (24 logistic or 16 XGBoost fits). */
    @Param({"false", "true"})
    public boolean tune;

    private DecisionDataset data;
    private TrainerKind kind;

    @Setup(Level.Trial)
    public void setUp() {
        data = BenchData.dataset(rows);
        kind = TrainerKind.fromId(trainer);
    }

    @Benchmark
    public ModelArtifact train() {
        return BenchData.train(kind, data, tune);
    }
}
