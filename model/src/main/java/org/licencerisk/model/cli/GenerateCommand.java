package org.licencerisk.model.cli;

import org.licencerisk.model.synthetic.SyntheticDecisionLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code risk-model generate}: the deterministic synthetic decision log. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write the deterministic SYNTHETIC decision log (not real decisions; see docs/synthetic-data.md).",
                "JSON Lines by default; --csv writes the flat CSV flavour that docs/examples/decision-log.schema.json describes."})
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write.")
    Path out;

    @Option(names = "--applications", defaultValue = "20000", description = "How many applications (default: ${DEFAULT-VALUE}).")
    int applications;

    @Option(names = "--seed", defaultValue = "20261129", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--csv", description = "Write the CSV flavour instead of JSON Lines.")
    boolean csv;

    @Override
    public Integer call() throws Exception {
        if (applications < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--applications must be at least 1.");
        }
        SyntheticDecisionLog log = new SyntheticDecisionLog(seed, applications);
        if (csv) {
            log.writeCsv(out);
        } else {
            log.writeJsonLines(out);
        }
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %,d synthetic decisions to %s.%n", applications, out);
        return 0;
    }
}
