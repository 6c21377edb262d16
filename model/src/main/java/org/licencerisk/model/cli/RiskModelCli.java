package org.licencerisk.model.cli;

import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.data.DataFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code risk-model} command: one subcommand per task of a data scientist. Wrong arguments get a one-line
 * error and exit code 2; a failed task (bad data file, tampered artifact) a one-line error and exit code 1.
 */
@Command(name = "risk-model", mixinStandardHelpOptions = true, versionProvider = RiskModelCli.Version.class,
        description = "Train, evaluate and inspect licence refusal-risk models (Tribuo).",
        subcommands = {TrainCommand.class, EvaluateCommand.class, CompareCommand.class, InspectCommand.class,
                ScoreCommand.class, GenerateCommand.class, DriftCommand.class, CommandLine.HelpCommand.class})
public final class RiskModelCli implements Runnable {

    /** Exit code of a task that failed. */
    public static final int FAILED = 1;
    /** Exit code of wrong arguments. */
    public static final int USAGE = 2;
    /** Held so that java.util.logging keeps the level set on it (it references loggers weakly). */
    private static final Logger TRIBUO_LOGGER = Logger.getLogger("org.tribuo");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: give one of "
                + String.join(", ", spec.subcommands().keySet()) + ".");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        // Tribuo reports training progress through java.util.logging at INFO; the CLI shows its own progress.
        TRIBUO_LOGGER.setLevel(Level.WARNING);
        CommandLine cli = new CommandLine(new RiskModelCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("risk-model: " + e.getMessage());
            err.println("Run 'risk-model " + (e.getCommandLine().getCommandName().equals("risk-model") ? ""
                    : e.getCommandLine().getCommandName() + " ") + "--help' for usage.");
            return USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            err.println("risk-model: " + describe(e));
            return FAILED;
        });
        return cli.execute(args);
    }

    private static String describe(Exception e) {
        if (e instanceof DataFormatException || e instanceof ArtifactException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException) {
            return e.getMessage();
        }
        if (e instanceof UncheckedIOException u) {
            return u.getMessage();
        }
        if (e instanceof java.nio.file.NoSuchFileException n) {
            return "No such file: " + n.getFile() + ".";
        }
        if (e instanceof java.io.IOException) {
            return "Input or output failed: " + e.getMessage();
        }
        return "Unexpected " + e.getClass().getSimpleName() + (e.getMessage() == null ? "." : ": " + e.getMessage());
    }

    /** Reports the build's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = RiskModelCli.class.getPackage().getImplementationVersion();
            return new String[]{"risk-model " + (v == null ? "(development build)" : v)};
        }
    }
}
