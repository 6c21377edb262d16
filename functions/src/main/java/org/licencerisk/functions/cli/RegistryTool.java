package org.licencerisk.functions.cli;

import org.licencerisk.functions.http.FiniteJson;
import org.licencerisk.functions.models.ModelDetail;
import org.licencerisk.functions.monitoring.DriftSummary;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.denials.DenialImport;
import org.licencerisk.functions.denials.ImportReport;
import org.licencerisk.functions.errors.ConflictException;
import org.licencerisk.functions.errors.InvalidRequestException;
import org.licencerisk.functions.errors.NotFoundException;
import org.licencerisk.functions.export.DecisionExporter;
import org.licencerisk.functions.export.ExportRequest;
import org.licencerisk.functions.export.ExportSummary;
import org.licencerisk.functions.local.SyntheticSeeder;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.models.HeldOutComparison;
import org.licencerisk.functions.models.PromotionRefusedException;
import org.licencerisk.functions.models.PromotionRequest;
import org.licencerisk.functions.models.StoredArtifact;
import org.licencerisk.functions.monitoring.DriftException;
import org.licencerisk.functions.monitoring.DriftRequest;
import org.licencerisk.functions.privacy.PseudonymisationKeyException;
import org.licencerisk.functions.privacy.PseudonymisationKeySource;
import org.licencerisk.functions.privacy.SecretsManagerClientFactory;
import org.licencerisk.functions.rescoring.RescoreProgress;
import org.licencerisk.functions.rescoring.RescoreRun;
import org.licencerisk.functions.rescoring.RescoreService;
import org.licencerisk.functions.jobs.JobCheckpoint;
import org.licencerisk.functions.models.MetricComparison;
import org.licencerisk.functions.models.PromotionRecord;
import org.licencerisk.functions.rescoring.TimeBudget;
import org.licencerisk.functions.retraining.InsufficientDataException;
import org.licencerisk.functions.retraining.RetrainingRequest;
import org.licencerisk.functions.retraining.RetrainingResult;
import org.licencerisk.functions.shadow.ComparisonReport;
import org.licencerisk.functions.shadow.ShadowComparison;
import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.io.AtomicFiles;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.training.TrainerKind;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * The registry command line. Configuration comes from the same environment variables as the functions
 * ({@code MODELS_TABLE}, {@code APPLICATIONS_TABLE}, {@code ARTIFACT_BUCKET} or {@code ARTIFACT_DIR}, endpoints,
 * {@code PROMOTION_TOLERANCE}); results go to standard output for people (a table, one line per model or record), or as
 * JSON with {@code --json} for scripts (never {@code NaN}: a value that is not a number is left out); progress (at most
 * one line a second) and problems (one sentence) go to standard error.
 * Exit status: 0 done, 1 refused (the promotion gate, a conflict, or too little data to retrain) or a drift report that
 * could not be made (an empty window, a missing baseline, an artifact failing verification), 2 bad usage or input.
 * <p>
 * Arguments are parsed by hand: picocli is kept out of the functions' Lambda package to keep it small.
 */
public final class RegistryTool {

    static final String USAGE = """
            usage: registry COMMAND [OPTIONS] [--json]    (--json: the result as JSON, for scripts)
                   registry register --artifact DIR --actor NAME
                   registry promote MODEL_VERSION --actor NAME [--force --reason TEXT] [--reason TEXT]
                   registry list
                   registry promotions
                   registry export --out FILE.jsonl (--key-file KEY_FILE | --key-secret SECRET_ARN)
                   registry retrain (--key-file KEY_FILE | --key-secret SECRET_ARN) [--split-date YYYY-MM-DD]
                                    [--trainer logistic|xgboost] [--seed N] [--actor NAME] [--export-id ID]
                   registry drift --since YYYY-MM-DD [--until YYYY-MM-DD] --baseline FILE.jsonl --out DIR
                                  [--model MODEL_VERSION]
                   registry shadow MODEL_VERSION --actor NAME
                   registry unshadow MODEL_VERSION --actor NAME
                   registry compare --model MODEL_VERSION [--baseline MODEL_VERSION] [--limit N] [--out FILE.json]
                   registry rescore [--status]
                   registry seed --synthetic N [--decided SHARE] [--seed S]      (local stack only)
                   registry denials import FILE.csv|FILE.jsonl                  (needs DENIALS_TABLE)
            """;

    /** Who registers a challenger retrained from the command line unless {@code --actor} names someone. */
    static final String RETRAIN_ACTOR = "registry-retrain";

    private final Components components;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;
    private boolean json;

    RegistryTool(Components components, PrintStream out, PrintStream err) {
        this(components, out, err, Clock.systemUTC());
    }

    RegistryTool(Components components, PrintStream out, PrintStream err, Clock clock) {
        this.components = components;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /**
     * Tribuo reports training through java.util.logging at INFO, line by line; a command's own progress says what
     * matters. Kept in a field: java.util.logging holds loggers weakly, and a collected one forgets its level.
     */
    private static final java.util.logging.Logger TRIBUO = java.util.logging.Logger.getLogger("org.tribuo");

    /** Lets only warnings and errors of third-party libraries through. */
    static void quietThirdPartyLogs() {
        TRIBUO.setLevel(java.util.logging.Level.WARNING);
    }

    public static void main(String[] args) {
        if (args.length == 1 && List.of("--help", "-h", "help").contains(args[0])) {
            // Help needs no configuration: answer before reading the environment.
            System.out.print(USAGE);
            System.exit(0);
        }
        quietThirdPartyLogs();
        int status;
        try {
            // Structured logs (model loads, shadow scoring) go to standard error: standard output is the result.
            status = new RegistryTool(Components.create(ApiConfig.fromEnvironment(),
                    new StructuredLogger(System.err, java.time.Clock.systemUTC())), System.out, System.err).run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("registry: " + e.getMessage());
            status = 2;
        }
        System.exit(status);
    }

    /** Runs one command and returns the exit status. */
    int run(String[] args) {
        if (args.length == 0) {
            err.print(USAGE);
            return 2;
        }
        try {
            if (args[0].equals("denials")) {
                return denials(args);
            }
            Map<String, String> options = new HashMap<>();
            String positional = options(args, options);
            json = options.containsKey("json");
            switch (args[0]) {
                case "register" -> register(require(options, "artifact"), require(options, "actor"));
                case "promote" -> promote(positional, require(options, "actor"), options.containsKey("force"),
                        options.get("reason"));
                case "list" -> {
                    var models = components.modelCatalogue().list();
                    print(models, Tables.models(models.items()));
                }
                case "promotions" -> {
                    var history = components.promotionService().history();
                    print(history, Tables.promotions(history));
                }
                case "export" -> export(require(options, "out"), keys(options));
                case "retrain" -> retrain(options);
                case "drift" -> drift(options);
                case "shadow" -> printModel(components.shadowService().start(requireVersion("shadow", positional),
                        require(options, "actor")));
                case "unshadow" -> printModel(components.shadowService().stop(requireVersion("unshadow", positional),
                        require(options, "actor")));
                case "compare" -> compare(options);
                case "rescore" -> {
                    return rescore(options.containsKey("status"));
                }
                case "seed" -> seed(options);
                default -> throw new IllegalArgumentException("Unknown command '" + args[0] + "'.\n" + USAGE);
            }
            return 0;
        } catch (PromotionRefusedException e) {
            err.println("registry: refused: " + e.getMessage());
            MetricComparison c = e.comparison();
            print(c, c == null ? "Refused.\n" : String.format(Locale.ROOT,
                    "Refused: challenger average precision %.4f, champion %.4f, tolerance %.4f (%s).%n",
                    c.challengerAveragePrecision(), c.championAveragePrecision(), c.tolerance(), c.basis()));
            return 1;
        } catch (InsufficientDataException e) {
            err.println("registry: too little data: " + e.getMessage());
            return 1;
        } catch (DriftException e) {
            err.println("registry: drift: " + e.getMessage());
            return 1;
        } catch (ConflictException e) {
            err.println("registry: " + e.getMessage());
            return 1;
        } catch (InvalidRequestException e) {
            err.println("registry: " + e.getMessage() + " " + e.problems());
            return 2;
        } catch (NotFoundException e) {
            err.println("registry: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException | ArtifactException | PseudonymisationKeyException e) {
            err.println("registry: " + e.getMessage());
            return 2;
        } catch (UncheckedIOException e) {
            // A file the command reads or writes: the sentence names the file, the cause says what went wrong.
            err.println("registry: " + e.getMessage() + " (" + e.getCause().getClass().getSimpleName() + ")");
            return 1;
        }
    }

    /**
     * {@code denials import FILE}: imports a CSV or JSON Lines file into the denial register; prints the accepted,
     * unchanged and rejected rows (line and field, never content). Exit status 1 when any row was rejected.
     */
    private int denials(String[] args) {
        if (args.length != 3 || !args[1].equals("import")) {
            throw new IllegalArgumentException("Use: registry denials import FILE.csv|FILE.jsonl\n" + USAGE);
        }
        Path file = Path.of(args[2]);
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        DenialImport importer = new DenialImport(components.denialRegister());
        ImportReport report;
        try (java.io.Reader in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            if (name.endsWith(".csv")) {
                report = importer.csv(in);
            } else if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
                report = importer.jsonLines(in);
            } else {
                throw new IllegalArgumentException("The file must end in .csv, .jsonl or .ndjson.");
            }
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("The file " + file + " cannot be read.", e);
        }
        print(DenialImport.summary(report));
        return report.rejected().isEmpty() ? 0 : 1;
    }

    private void register(String artifactDir, String actor) {
        ArtifactStore store = components.requireArtifactStore();
        Path dir = Path.of(artifactDir);
        StoredArtifact stored = store.put(dir);
        boolean registered = components.registry().register(ModelArtifact.load(dir).manifest(), stored, actor, Instant.now());
        print(Map.of("registered", registered, "artifact", stored), registered
                ? String.format(Locale.ROOT, "Registered, artifact at %s.%n", stored.location())
                : "Already registered: the first registration is kept.\n");
    }

    private void export(String out, PseudonymisationKeySource keys) {
        Path target = Path.of(out);
        if (target.toAbsolutePath().getParent() != null) {
            try {
                Files.createDirectories(target.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("The export's folder could not be created for " + out + ".", e);
            }
        }
        Progress progress = progress();
        ExportSummary summary = new DecisionExporter(components.dynamoDb(), components.config().applicationsTable())
                .export(Path.of(out), keys.pseudonymiser(), s -> progress.report(() -> "registry: export: "
                        + s.decided() + " decided applications read, " + s.exported() + " written"));
        progress.done();
        print(summary, String.format(Locale.ROOT, "%d decided applications read, %d exported, %d without stored content.%n",
                summary.decided(), summary.exported(), summary.withoutContent()));
    }

    private Progress progress() {
        return new Progress(clock, err::println);
    }

    private void retrain(Map<String, String> options) {
        RetrainingRequest request = new RetrainingRequest(
                TrainerKind.fromId(options.getOrDefault("trainer", TrainerKind.LOGISTIC.id())),
                options.containsKey("seed") ? RetrainingRequest.seed(options.get("seed"))
                        : components.config().retrainSeed(),
                options.containsKey("split-date") ? RetrainingRequest.splitDate(options.get("split-date")) : null,
                options.getOrDefault("actor", RETRAIN_ACTOR),
                options.containsKey("export-id") ? new ExportRequest(options.get("export-id"), null).exportId() : null);
        Progress progress = progress();
        RetrainingResult result = components.retrainingService().retrain(request,
                keys(options).pseudonymiser(), (step, done, total) -> progress.report(() -> "registry: retrain: "
                        + step + " " + done + (total > 0 ? " of " + total : "")));
        progress.done();
        HeldOutComparison c = result.comparison();
        print(result, String.format(Locale.ROOT, "Held-out period from %s, %d decisions (%d refused): "
                        + "challenger %s (CANDIDATE) average precision %.4f; champion %s %s.%n", c.periodFrom(), c.count(),
                c.refusals(), result.modelVersion(), c.challenger().averagePrecision(), c.championVersion(),
                c.champion() == null ? "not scored: " + c.championNote()
                        : String.format(Locale.ROOT, "average precision %.4f", c.champion().averagePrecision())));
    }

    private void drift(Map<String, String> options) {
        DriftRequest request = new DriftRequest(DriftRequest.day(require(options, "since"), "since"),
                options.containsKey("until") ? DriftRequest.day(options.get("until"), "until") : null,
                Path.of(require(options, "baseline")), Path.of(require(options, "out")), options.get("model"));
        Progress progress = progress();
        DriftSummary summary = components.driftService().run(request, c -> progress.report(() -> "registry: drift: "
                + c.casesRead() + " cases read, " + c.applications() + " applications in the window"));
        progress.done();
        print(summary, String.format(Locale.ROOT, "Score PSI %.4f (%s) for %d applications in the window (%d decided, "
                        + "%d undecided) against %d baseline decisions; report in %s.%n", summary.scorePsi(),
                summary.scoreStatus(), summary.decided() + summary.undecided(), summary.decided(), summary.undecided(),
                summary.baseline(), summary.html()));
    }

    /** Fills the local stack with synthetic applications, most of them decided, for trying the retraining loop. */
    private void seed(Map<String, String> options) {
        if (components.config().dynamoDbEndpoint() == null) {
            throw new IllegalArgumentException("seed writes synthetic applications and decisions, so it runs only "
                    + "against a local DynamoDB-compatible server: set DYNAMODB_ENDPOINT (scripts/local-api does).");
        }
        int applications = number(require(options, "synthetic"), "--synthetic");
        double decided = options.containsKey("decided") ? share(options.get("decided")) : 0.9;
        long seed = options.containsKey("seed") ? RetrainingRequest.seed(options.get("seed")) : 7;
        Progress progress = progress();
        SyntheticSeeder.Seeded seeded = new SyntheticSeeder(components, clock).seed(seed, applications, decided,
                n -> progress.report(() -> "registry: seed: " + n + " of " + applications + " applications scored"));
        progress.done();
        print(seeded, String.format(Locale.ROOT, "%d applications scored over five years to today, %d decided, %d"
                + " undecided (the queue).%n", seeded.scored(), seeded.decided(), seeded.undecided()));
    }

    private static int number(String text, String option) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, not '" + text + "'.");
        }
    }

    private static double share(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--decided must be a share between 0 and 1, such as 0.9, not '"
                    + text + "'.");
        }
    }

    /**
     * Runs (or resumes) the re-scoring job of the current champion in this process, progress on standard error; or,
     * with {@code --status}, lists the jobs. Exit status 1 when another worker was advancing the same job.
     */
    private int rescore(boolean status) {
        RescoreService service = components.rescoreService();
        if (status) {
            List<JobCheckpoint> jobs = service.jobs();
            StringBuilder text = new StringBuilder(jobs.isEmpty() ? "No re-scoring job yet.\n" : "");
            for (JobCheckpoint job : jobs) {
                text.append(String.format(Locale.ROOT, "job %s  %-9s  champion %s  %s%n", job.jobId(), job.status(),
                        job.details().get(RescoreService.CHAMPION_VERSION), job.counts()));
            }
            print(jobs, text.toString());
            return 0;
        }
        Progress lines = progress();
        RescoreRun run = service.run(TimeBudget.unlimited(), p -> lines.report(() -> "registry: rescore: " + progress(p)));
        lines.done();
        Map<String, Object> summary = run.summary();
        print(summary, String.format(Locale.ROOT, "Re-scoring %s: job %s with %s, %s.%n", summary.get("status"),
                summary.getOrDefault("jobId", "-"), summary.getOrDefault("championVersion", "-"),
                summary.getOrDefault("counts", Map.of())));
        return run.stop() == RescoreRun.Stop.OVERTAKEN ? 1 : 0;
    }

    private String progress(RescoreProgress p) {
        StringBuilder line = new StringBuilder("job ").append(p.checkpoint().jobId()).append(": ").append(p.done());
        p.estimatedTotal().ifPresent(total -> line.append(" of about ").append(total));
        line.append(String.format(Locale.ROOT, " undecided applications, %.1f/s", p.perSecond()));
        p.remaining().ifPresent(eta -> line.append(", about ").append(eta.toSeconds()).append(" s left"));
        if (RescoreService.SWEEP.equals(p.checkpoint().details().get(RescoreService.PASS))
                && p.checkpoint().cursor() == null) {
            line.append("; first pass done, the closing sweep starts ").append(components.config().rescoreSettle()
                    .toSeconds()).append(" s after the promotion (RESCORE_SETTLE_SECONDS)");
        }
        return line.toString();
    }

    /** The key from exactly one of {@code --key-file} and {@code --key-secret}. */
    private PseudonymisationKeySource keys(Map<String, String> options) {
        String file = options.get("key-file");
        String secret = options.get("key-secret");
        if ((file == null) == (secret == null)) {
            throw new IllegalArgumentException("Give the pseudonymisation key with exactly one of --key-file and "
                    + "--key-secret.\n" + USAGE);
        }
        if (file != null) {
            return PseudonymisationKeySource.file(Path.of(file));
        }
        if (!ApiConfig.KeyLocation.isSecretArn(secret)) {
            throw new IllegalArgumentException("--key-secret must be the ARN of a Secrets Manager secret, such as "
                    + "arn:aws:secretsmanager:eu-west-1:123456789012:secret:licence-risk-key-AbCdEf.");
        }
        return PseudonymisationKeySource.secret(SecretsManagerClientFactory.create(components.config()), secret);
    }

    private void promote(String version, String actor, boolean force, String reason) {
        if (version == null) {
            throw new IllegalArgumentException("promote needs the model version.\n" + USAGE);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("force", force);
        body.put("reason", reason);
        PromotionRecord promoted = components.promotionService().promote(version, actor,
                PromotionRequest.parse(Json.write(body)));
        print(promoted, String.format(Locale.ROOT, "%s is now the champion (revision %d, %s%s).%n",
                promoted.toVersion(), promoted.revision(), promoted.kind(), promoted.forced() ? ", forced" : ""));
    }

    /** Fills {@code options} from {@code --name value} pairs ({@code --force} takes none); returns the one positional. */
    private static String options(String[] args, Map<String, String> options) {
        String positional = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--force") || a.equals("--status") || a.equals("--json")) {
                options.put(a.substring(2), "true");
            } else if (a.startsWith("--") && i + 1 < args.length) {
                options.put(a.substring(2), args[++i]);
            } else if (!a.startsWith("--") && positional == null) {
                positional = a;
            } else {
                throw new IllegalArgumentException("Unexpected argument '" + a + "'.\n" + USAGE);
            }
        }
        return positional;
    }

    private void compare(Map<String, String> options) {
        int limit = ShadowComparison.DEFAULT_LIMIT;
        if (options.containsKey("limit")) {
            try {
                limit = Integer.parseInt(options.get("limit"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The option --limit must be a whole number from 1 to "
                        + ShadowComparison.MAX_LIMIT + ".", e);
            }
        }
        ComparisonReport report = components.shadowComparison().compare(require(options, "model"),
                options.get("baseline"), limit);
        if (options.containsKey("out")) {
            Path file = Path.of(options.get("out"));
            try {
                AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
            } catch (IOException e) {
                throw new IllegalArgumentException("The comparison could not be written to " + file + ".", e);
            }
        }
        if (json) {
            print(report);
        } else {
            out.print(ComparisonSummary.of(report));
        }
    }

    private static String requireVersion(String command, String version) {
        if (version == null) {
            throw new IllegalArgumentException(command + " needs the model version.\n" + USAGE);
        }
        return version;
    }

    private static String require(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The option --" + name + " is required.\n" + USAGE);
        }
        return value;
    }

    /** Prints a result as JSON (never {@code NaN}): for results without a table, and for every result with --json. */
    private void print(Object value) {
        out.println(FiniteJson.write(value, true));
    }

    /** Prints a result as {@code text} for people, or as JSON with --json. */
    private void print(Object value, String text) {
        if (json) {
            print(value);
        } else {
            out.print(text);
        }
    }

    /** A model after a status change: one line, or the whole model with --json. */
    private void printModel(ModelDetail model) {
        print(model, String.format(Locale.ROOT, "%s is now %s.%n", model.modelVersion(), model.status()));
    }
}
