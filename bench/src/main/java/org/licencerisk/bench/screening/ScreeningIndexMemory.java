package org.licencerisk.bench.screening;

import org.licencerisk.screening.Denial;
import org.licencerisk.screening.matching.IndexedDenialScreener;
import org.licencerisk.screening.synthetic.SyntheticDenialRegister;

import java.util.List;
import java.util.Locale;

/**
 * The heap a screener holds beyond its denials, and the time to build it: live heap after full collections with the
 * register alone, then with the register and the screener.
 * <pre>
 * java -Xmx3g -cp bench/target/benchmarks.jar org.licencerisk.bench.screening.ScreeningIndexMemory 100000
 * </pre>
 */
public final class ScreeningIndexMemory {

    private ScreeningIndexMemory() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<Denial> register = SyntheticDenialRegister.generate(20261206L, count);
        long registerOnly = liveHeap();
        long start = System.nanoTime();
        IndexedDenialScreener screener = IndexedDenialScreener.build(register, "memory");
        long buildNanos = System.nanoTime() - start;
        long withIndex = liveHeap();
        System.out.printf(Locale.ROOT, "denials=%d valid=%d partyNames=%d build=%.1f s index=%.1f MB (register alone %.1f MB)%n",
                count, screener.denialCount(), screener.partyCount(), buildNanos / 1e9,
                (withIndex - registerOnly) / 1e6, registerOnly / 1e6);
        if (screener.registerVersion().isEmpty() || register.isEmpty()) {
            System.out.println("nothing held");
        }
    }

    private static long liveHeap() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
