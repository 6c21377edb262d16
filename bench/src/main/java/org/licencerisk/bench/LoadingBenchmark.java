package org.licencerisk.bench;

import org.licencerisk.model.data.DecisionDataset;
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
 * Loading the historical decisions before training: reading the JSON Lines synthetic log, validating every line
 * as an API request and computing its raw features ({@code JsonLinesDecisionLoader}), 20,000 and 100,000 rows.
 * The file is generated in setup (once per cache directory).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
public class LoadingBenchmark {

    /** Rows of the synthetic log. */
    @Param({"20000", "100000"})
    public int rows;

    @Setup(Level.Trial)
    public void setUp() {
        BenchData.log(rows);
    }

    @Benchmark
    public DecisionDataset load() {
        return BenchData.dataset(rows);
    }
}
