package org.licencerisk.bench.api;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * The request-path cost of one shadow model, measured so that load from other processes hits both sides alike: the
 * two {@link ScoreHandlerBenchmark} handlers (0 and 1 shadow model, storage excluded) are called alternately, in
 * alternating order, and the report gives each side's median and p90 and the median of the per-pair differences.
 * <p>
 * {@code java -cp bench/api/target/api-benchmarks.jar org.licencerisk.bench.api.ShadowOverhead MODEL_DIR PAIRS}
 */
public final class ShadowOverhead {

    private ShadowOverhead() {
    }

    /** Measures {@code PAIRS} pairs after as many warm-up pairs. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: ShadowOverhead MODEL_DIR PAIRS");
        }
        ScoreHandlerBenchmark without = handler(args[0], 0);
        ScoreHandlerBenchmark with = handler(args[0], 1);
        int pairs = Integer.parseInt(args[1]);
        measure(without, with, pairs);
        long[][] t = measure(without, with, pairs);
        long[] difference = new long[pairs];
        for (int i = 0; i < pairs; i++) {
            difference[i] = t[1][i] - t[0][i];
        }
        Arrays.sort(t[0]);
        Arrays.sort(t[1]);
        Arrays.sort(difference);
        System.out.printf(Locale.ROOT, "%d pairs: 0 shadow models p50 %.1f us p90 %.1f us; 1 shadow model p50 %.1f us "
                        + "p90 %.1f us; median per-pair difference %.1f us%n", pairs, t[0][pairs / 2] / 1e3,
                t[0][pairs * 9 / 10] / 1e3, t[1][pairs / 2] / 1e3, t[1][pairs * 9 / 10] / 1e3,
                difference[pairs / 2] / 1e3);
    }

    private static ScoreHandlerBenchmark handler(String modelDir, int shadowModels) throws IOException {
        ScoreHandlerBenchmark b = new ScoreHandlerBenchmark();
        b.modelDir = modelDir;
        b.shadowModels = shadowModels;
        b.setUp();
        return b;
    }

    private static long[][] measure(ScoreHandlerBenchmark without, ScoreHandlerBenchmark with, int pairs) {
        long[][] t = new long[2][pairs];
        for (int i = 0; i < pairs; i++) {
            ScoreHandlerBenchmark first = i % 2 == 0 ? without : with;
            ScoreHandlerBenchmark second = i % 2 == 0 ? with : without;
            long a = System.nanoTime();
            first.scoreApplication();
            long b = System.nanoTime();
            second.scoreApplication();
            long c = System.nanoTime();
            t[i % 2 == 0 ? 0 : 1][i] = b - a;
            t[i % 2 == 0 ? 1 : 0][i] = c - b;
        }
        return t;
    }
}
