package org.licencerisk.functions.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.functions.config.ApiConfig;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;

/**
 * The registry command line. Configuration comes from the same environment variables as the functions
 * ({@code MODELS_TABLE}, {@code APPLICATIONS_TABLE}, {@code ARTIFACT_BUCKET} or {@code ARTIFACT_DIR}, endpoints,
 * {@code PROMOTION_TOLERANCE}); results are JSON on standard output, problems one sentence on standard error.
 * Exit status: 0 done, 1 refused (the promotion gate, a conflict, or too little data to retrain) or a drift report that
 * could not be made (an empty window, a missing baseline, an artifact failing verification), 2 bad usage or input.
 * <p>
 * Arguments are parsed by hand: picocli is kept out of the functions' Lambda package to keep it small.
 */
public final class RegistryTool {

    static final String USAGE = """
            usage: registry register --artifact DIR --actor NAME
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
            """;

    /** Who registers a challenger retrained from the command line unless {@code --actor} names someone. */
    static final String RETRAIN_ACTOR = "registry-retrain";

    private final Components components;
    private final PrintStream out;
    private final PrintStream err;

    RegistryTool(Components components, PrintStream out, PrintStream err) {
        this.components = components;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        if (args.length == 1 && List.of("--help", "-h", "help").contains(args[0])) {
            // Help needs no configuration: answer before reading the environment.
            System.out.print(USAGE);
            System.exit(0);
        }
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
            Map<String, String> options = new HashMap<>();
            String positional = options(args, options);
            switch (args[0]) {
                case "register" -> register(require(options, "artifact"), require(options, "actor"));
                case "promote" -> promote(positional, require(options, "actor"), options.containsKey("force"),
                        options.get("reason"));
                case "list" -> print(components.modelCatalogue().list());
                case "promotions" -> print(components.promotionService().history());
                case "export" -> export(require(options, "out"), keys(options));
                case "retrain" -> retrain(options);
                case "drift" -> drift(options);
                case "shadow" -> print(components.shadowService().start(requireVersion("shadow", positional),
                        require(options, "actor")));
                case "unshadow" -> print(components.shadowService().stop(requireVersion("unshadow", positional),
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
            print(e.comparison());
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
        }
    }

    private void register(String artifactDir, String actor) {
        ArtifactStore store = components.requireArtifactStore();
        Path dir = Path.of(artifactDir);
        StoredArtifact stored = store.put(dir);
        boolean registered = components.registry().register(ModelArtifact.load(dir).manifest(), stored, actor, Instant.now());
        print(Map.of("registered", registered, "artifact", stored));
    }

    private void export(String out, PseudonymisationKeySource keys) {
        ExportSummary summary = new DecisionExporter(components.dynamoDb(), components.config().applicationsTable())
                .export(Path.of(out), keys.pseudonymiser(), s -> err.println("registry: export: " + s.decided()
                        + " decided applications read, " + s.exported() + " written"));
        print(summary);
    }

    private void retrain(Map<String, String> options) {
        RetrainingRequest request = new RetrainingRequest(
                TrainerKind.fromId(options.getOrDefault("trainer", TrainerKind.LOGISTIC.id())),
                options.containsKey("seed") ? RetrainingRequest.seed(options.get("seed"))
                        : components.config().retrainSeed(),
                options.containsKey("split-date") ? RetrainingRequest.splitDate(options.get("split-date")) : null,
                options.getOrDefault("actor", RETRAIN_ACTOR),
                options.containsKey("export-id") ? new ExportRequest(options.get("export-id"), null).exportId() : null);
        RetrainingResult result = components.retrainingService().retrain(request,
                keys(options).pseudonymiser(), (step, done, total) -> err.println("registry: retrain: "
                        + step + " " + done + (total > 0 ? " of " + total : "")));
        HeldOutComparison c = result.comparison();
        err.println(String.format(Locale.ROOT, "registry: retrain: held-out period from %s, %d decisions (%d refused): "
                        + "challenger %s average precision %.4f; champion %s %s", c.periodFrom(), c.count(),
                c.refusals(), result.modelVersion(), c.challenger().averagePrecision(), c.championVersion(),
                c.champion() == null ? "not scored: " + c.championNote()
                        : String.format(Locale.ROOT, "average precision %.4f", c.champion().averagePrecision())));
        print(result);
    }

    private void drift(Map<String, String> options) {
        DriftRequest request = new DriftRequest(DriftRequest.day(require(options, "since"), "since"),
                options.containsKey("until") ? DriftRequest.day(options.get("until"), "until") : null,
                Path.of(require(options, "baseline")), Path.of(require(options, "out")), options.get("model"));
        print(components.driftService().run(request, c -> err.println("registry: drift: " + c.casesRead()
                + " cases read, " + c.applications() + " applications in the window")));
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
        print(new SyntheticSeeder(components).seed(seed, applications, decided,
                n -> err.println("registry: seed: " + n + " of " + applications + " applications scored")));
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
            print(service.jobs());
            return 0;
        }
        RescoreRun run = service.run(TimeBudget.unlimited(), p -> err.println("registry: rescore: " + progress(p)));
        print(run.summary());
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
        print(components.promotionService().promote(version, actor, PromotionRequest.parse(Json.write(body))));
    }

    /** Fills {@code options} from {@code --name value} pairs ({@code --force} takes none); returns the one positional. */
    private static String options(String[] args, Map<String, String> options) {
        String positional = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--force") || a.equals("--status")) {
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
        out.print(ComparisonSummary.of(report));
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

    private void print(Object value) {
        try {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A result could not be written as JSON.", e);
        }
    }
}
