package org.licencerisk.bench;

import org.licencerisk.model.artifact.ModelArtifact;

import java.nio.file.Path;

/**
 * The cold artifact-load probe: a fresh JVM that loads each artifact directory given and creates its scorer, then
 * exits. {@code scripts/bench-model} times whole runs of it with hyperfine; run without arguments it only starts
 * and stops the JVM, the baseline to subtract. With {@code -v} it prints the in-process load time on standard error.
 * <p>
 * {@code java -cp bench/target/benchmarks.jar org.licencerisk.bench.ColdLoad [-v] DIR...}
 */
public final class ColdLoad {

    private ColdLoad() {
    }

    public static void main(String[] args) {
        boolean verbose = args.length > 0 && args[0].equals("-v");
        for (int i = verbose ? 1 : 0; i < args.length; i++) {
            long start = System.nanoTime();
            ModelArtifact artifact = ModelArtifact.load(Path.of(args[i]));
            artifact.scorer();
            if (verbose) {
                System.err.printf("%s: loaded %s with its scorer in %.1f ms%n", args[i],
                        artifact.manifest().modelVersion(), (System.nanoTime() - start) / 1e6);
            }
        }
    }
}
