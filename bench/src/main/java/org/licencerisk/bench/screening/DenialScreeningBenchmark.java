package org.licencerisk.bench.screening;

import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialMatch;
import org.licencerisk.screening.ScreeningSubject;
import org.licencerisk.screening.matching.IndexedDenialScreener;
import org.licencerisk.screening.synthetic.SyntheticDenialRegister;
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

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One application screened against a synthetic register, in process: p50 and p99 from JMH's sample mode.
 * Half the applications go to an end user of the register written another way (a typo at random), half to firms
 * never denied, each with an end user (and, for the new firms, a consignee), goods and a destination.
 * <pre>
 * mvn -B -o -q -Pbench -DskipTests package -pl bench -am
 * java -jar bench/target/benchmarks.jar DenialScreeningBenchmark -p denials=100000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class DenialScreeningBenchmark {

    @Param({"100000"})
    public int denials;

    private IndexedDenialScreener screener;
    private List<ScreeningSubject> subjects;
    private LocalDate day;
    private int next;

    @Setup(Level.Trial)
    public void build() {
        List<Denial> register = SyntheticDenialRegister.generate(20261206L, denials);
        screener = IndexedDenialScreener.build(register, "bench");
        day = SyntheticDenialRegister.DEFAULT_AS_OF;
        subjects = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            subjects.add(i % 2 == 0 ? SyntheticDenialRegister.subjectLike(register.get((i * 7919) % register.size()), i)
                    : SyntheticDenialRegister.freshSubject(i));
        }
    }

    @Benchmark
    public List<DenialMatch> screen() {
        ScreeningSubject subject = subjects.get(next);
        next = (next + 1) % subjects.size();
        return screener.screen(subject, day);
    }
}
