package org.licencerisk.bench;

import org.licencerisk.model.artifact.ModelArtifact;
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

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Loading a model artifact in a warm JVM: {@code ModelArtifact.load(dir)} (read both files, SHA-256 check, manifest,
 * feature-definition fingerprint, protobuf deserialisation) plus {@code scorer()}, for each model type. The cold
 * figure (a fresh JVM) is measured by {@code scripts/bench-model} with {@link ColdLoad} under hyperfine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(1)
public class ArtifactLoadBenchmark {

    /** The model type: {@code logistic} or {@code xgboost}. */
    @Param({"logistic", "xgboost"})
    public String model;

    private Path dir;

    @Setup(Level.Trial)
    public void setUp() {
        dir = BenchData.artifact(TrainerKind.fromId(model));
    }

    @Benchmark
    public RiskScorer loadAndCreateScorer() {
        return ModelArtifact.load(dir).scorer();
    }
}
