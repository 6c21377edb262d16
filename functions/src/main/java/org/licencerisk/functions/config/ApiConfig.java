package org.licencerisk.functions.config;

import org.licencerisk.functions.http.Caller;
import org.licencerisk.functions.http.RoleRequirement;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Everything the functions read from their environment, validated once.
 * <p>
 * {@link #fromEnvironment()} is the only place in the functions that reads environment variables; tests and the
 * local API server build the same object from a map with {@link #from(Map)}.
 *
 * @param applicationsTable  the DynamoDB table of scores, decisions and the queue
 * @param modelsTable        the DynamoDB table of registered models
 * @param region             the AWS region of the tables
 * @param dynamoDbEndpoint   an endpoint override (a local DynamoDB-compatible server), or {@code null} for AWS
 * @param modelDir           the directory of the model artifact the scoring function loads, or {@code null} where
 *                           no function in this process scores
 * @param apiCallTimeout     the most one DynamoDB call may take, retries included
 * @param apiAttemptTimeout  the most one attempt of a DynamoDB call may take
 * @param artifactBucket     the S3 bucket of model artifacts, or {@code null}
 * @param artifactDir        the local directory of model artifacts (local mode), or {@code null}
 * @param s3Endpoint         an endpoint override (a local S3-compatible server), or {@code null} for AWS
 * @param championCheck      how often the scoring path reads the champion pointer
 * @param officerScope       the OAuth scope that makes a caller an officer (decisions, the queue, score reads)
 * @param dataScientistScope the OAuth scope that makes a caller a data scientist (promotion, shadow mode, model reads)
 * @param promotionTolerance how much lower a challenger's average precision may be than the champion's
 * @param retrainSeed        the training seed of a scheduled retraining
 * @param keys               where the export's pseudonymisation key comes from (a secret or a key file; never the key)
 * @param exportBucket       the S3 bucket of training exports (the export function), or {@code null}
 * @param rescoreSettle      how long after a promotion a busy scoring function may still score with the previous
 *                           champion; a re-scoring job that started sooner ends with a sweep no earlier than that
 * @param shadowScoresTable  the DynamoDB table of shadow models' scores, or {@code null} where no function in this
 *                           process scores in shadow or compares (shadow mode is then off)
 */
public record ApiConfig(String applicationsTable, String modelsTable, String region, URI dynamoDbEndpoint,
                        Path modelDir, Duration apiCallTimeout, Duration apiAttemptTimeout, String artifactBucket,
                        Path artifactDir, URI s3Endpoint, Duration championCheck, String officerScope,
                        String dataScientistScope, double promotionTolerance,
                        long retrainSeed, KeyLocation keys, String exportBucket, Duration rescoreSettle,
                        String shadowScoresTable) {

    /** The table of scores, decisions and the queue. */
    public static final String APPLICATIONS_TABLE = "APPLICATIONS_TABLE";
    /** The table of registered models. */
    public static final String MODELS_TABLE = "MODELS_TABLE";
    /** The directory of the model artifact (only the scoring function needs it). */
    public static final String MODEL_DIR = "MODEL_DIR";
    /** Optional endpoint of a DynamoDB-compatible server; unset in AWS. */
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
    /** Optional: the most one DynamoDB call may take, in milliseconds, retries included (default 2000). */
    public static final String DYNAMODB_TIMEOUT_MS = "DYNAMODB_TIMEOUT_MS";
    /** The S3 bucket of model artifacts (functions that load or store artifacts). */
    public static final String ARTIFACT_BUCKET = "ARTIFACT_BUCKET";
    /** Optional: how often, in seconds, the scoring path reads the champion pointer (default 30, 1 to 60). */
    public static final String CHAMPION_CHECK_SECONDS = "CHAMPION_CHECK_SECONDS";
    /**
     * Seconds after a promotion by which every busy scoring function serves the new champion: one check interval and a
     * load, with room to spare (idle ones re-score what they score with the old champion themselves). Default three
     * times {@code CHAMPION_CHECK_SECONDS}; the template holds it to at least that on the scoring functions' interval.
     */
    public static final String RESCORE_SETTLE_SECONDS = "RESCORE_SETTLE_SECONDS";
    /** Local mode: a directory holding model artifacts instead of S3. */
    public static final String ARTIFACT_DIR = "ARTIFACT_DIR";
    /** Optional endpoint of an S3-compatible server; unset in AWS. */
    public static final String S3_ENDPOINT = "S3_ENDPOINT";
    /**
     * Optional: the OAuth scope that makes a caller a data scientist (default {@code licence-risk/data-scientist}); the
     * template's routes require the same scope of the token at the gateway.
     */
    public static final String DATA_SCIENTIST_SCOPE = "DATA_SCIENTIST_SCOPE";
    /** Optional: the OAuth scope that makes a caller an officer (default {@code licence-risk/officer}). */
    public static final String OFFICER_SCOPE = "OFFICER_SCOPE";
    /** Optional: the tolerance on average precision when promoting (default 0.01, 0 to 0.5). */
    public static final String PROMOTION_TOLERANCE = "PROMOTION_TOLERANCE";
    /**
     * The ARN of the Secrets Manager secret holding the export's pseudonymisation key (base64, 32 or more bytes), read
     * at run time; the key itself is never in the environment.
     */
    public static final String PSEUDONYMISATION_SECRET_ARN = "PSEUDONYMISATION_SECRET_ARN";
    /** Local mode: the path of a file holding the pseudonymisation key as base64 (never the key itself). */
    public static final String PSEUDONYMISATION_KEY_FILE = "PSEUDONYMISATION_KEY_FILE";
    /** Optional endpoint of a Secrets Manager-compatible server; unset in AWS. */
    public static final String SECRETS_MANAGER_ENDPOINT = "SECRETS_MANAGER_ENDPOINT";
    /** The S3 bucket the export function writes training exports to. */
    public static final String EXPORT_BUCKET = "EXPORT_BUCKET";
    /** Optional: the seed of a scheduled retraining (default 42). */
    public static final String RETRAIN_SEED = "RETRAIN_SEED";
    /** The table of shadow models' scores (the scoring function writes it, the shadow function reads it). */
    public static final String SHADOW_SCORES_TABLE = "SHADOW_SCORES_TABLE";
    /** Set by the Lambda runtime itself; never in the template. */
    public static final String AWS_REGION = "AWS_REGION";

    /** Variables {@code template.yaml} sets on every function (a test holds the template to this list). */
    public static final List<String> TEMPLATE_VARIABLES = List.of(APPLICATIONS_TABLE, MODELS_TABLE, DYNAMODB_TIMEOUT_MS,
            OFFICER_SCOPE, DATA_SCIENTIST_SCOPE);
    /** Variables {@code template.yaml} sets on every function that scores. */
    public static final List<String> SCORING_VARIABLES = List.of(MODEL_DIR, ARTIFACT_BUCKET, CHAMPION_CHECK_SECONDS);
    /** Variables {@code template.yaml} sets on the function that promotes models. */
    public static final List<String> PROMOTION_VARIABLES = List.of(PROMOTION_TOLERANCE);
    /** Variables {@code template.yaml} sets on the officer-only functions (decisions, queue) besides the globals. */
    public static final List<String> OFFICER_VARIABLES = List.of();
    /** Variables {@code template.yaml} sets on the retraining function. */
    public static final List<String> RETRAINING_VARIABLES = List.of(MODEL_DIR, ARTIFACT_BUCKET,
            PSEUDONYMISATION_SECRET_ARN, RETRAIN_SEED, EXPORT_BUCKET);
    /** Variables {@code template.yaml} sets on the export function. */
    public static final List<String> EXPORT_VARIABLES = List.of(EXPORT_BUCKET, PSEUDONYMISATION_SECRET_ARN);
    /** Variables {@code template.yaml} sets on the functions that score in shadow or compare shadow scores. */
    public static final List<String> SHADOW_VARIABLES = List.of(SHADOW_SCORES_TABLE);
    /** Variables {@code template.yaml} sets on the data-scientist-only shadow function. */
    public static final List<String> DATA_SCIENTIST_VARIABLES = List.of();
    /** Variables {@code template.yaml} sets on the re-scoring function. */
    public static final List<String> RESCORING_VARIABLES = List.of(MODEL_DIR, ARTIFACT_BUCKET, RESCORE_SETTLE_SECONDS);
    /** Variables only a local run sets; never in the template. */
    public static final List<String> LOCAL_VARIABLES = List.of(DYNAMODB_ENDPOINT, ARTIFACT_DIR, S3_ENDPOINT,
            PSEUDONYMISATION_KEY_FILE, SECRETS_MANAGER_ENDPOINT);
    /** Variables the Lambda runtime provides. */
    public static final List<String> RUNTIME_VARIABLES = List.of(AWS_REGION);

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final String DEFAULT_REGION = "eu-west-1";
    private static final long DEFAULT_TIMEOUT_MS = 2000;
    private static final Pattern BUCKET_NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    /** The default scope of officers. */
    public static final String DEFAULT_OFFICER_SCOPE = "licence-risk/officer";
    /** The default scope of data scientists. */
    public static final String DEFAULT_DATA_SCIENTIST_SCOPE = "licence-risk/data-scientist";
    private static final double DEFAULT_TOLERANCE = 0.01;
    private static final long DEFAULT_CHAMPION_CHECK_SECONDS = 30;
    private static final long DEFAULT_RETRAIN_SEED = 42L;

    public ApiConfig {
        requireTable(APPLICATIONS_TABLE, applicationsTable);
        requireTable(MODELS_TABLE, modelsTable);
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("The AWS region must be set.");
        }
        if (apiCallTimeout == null || apiCallTimeout.isNegative() || apiCallTimeout.isZero()) {
            throw new IllegalArgumentException("The DynamoDB call timeout must be positive.");
        }
        if (apiAttemptTimeout == null || apiAttemptTimeout.compareTo(apiCallTimeout) > 0
                || apiAttemptTimeout.isNegative() || apiAttemptTimeout.isZero()) {
            throw new IllegalArgumentException("The DynamoDB attempt timeout must be positive and at most the call timeout.");
        }
        if (artifactBucket != null && !BUCKET_NAME.matcher(artifactBucket).matches()) {
            throw new IllegalArgumentException(ARTIFACT_BUCKET + " must be an S3 bucket name (3 to 63 lower-case letters, digits, '.' or '-').");
        }
        if (exportBucket != null && !BUCKET_NAME.matcher(exportBucket).matches()) {
            throw new IllegalArgumentException(EXPORT_BUCKET + " must be an S3 bucket name (3 to 63 lower-case letters, digits, '.' or '-').");
        }
        Objects.requireNonNull(keys, "keys");
        if (championCheck == null || championCheck.compareTo(Duration.ofSeconds(1)) < 0
                || championCheck.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException(CHAMPION_CHECK_SECONDS + " must lie between 1 and 60 seconds.");
        }
        if (!Caller.isScope(officerScope) || !Caller.isScope(dataScientistScope)) {
            throw new IllegalArgumentException(OFFICER_SCOPE + " and " + DATA_SCIENTIST_SCOPE + " must be OAuth scopes:"
                    + " printable ASCII without spaces, double quotes or backslashes, such as licence-risk/officer.");
        }
        if (officerScope.equals(dataScientistScope)) {
            throw new IllegalArgumentException(OFFICER_SCOPE + " and " + DATA_SCIENTIST_SCOPE
                    + " must differ: they grant different roles.");
        }
        if (!(promotionTolerance >= 0 && promotionTolerance <= 0.5)) {
            throw new IllegalArgumentException(PROMOTION_TOLERANCE + " must lie between 0 and 0.5.");
        }
        if (shadowScoresTable != null) {
            requireTable(SHADOW_SCORES_TABLE, shadowScoresTable);
        }
        if (rescoreSettle == null || rescoreSettle.isNegative() || rescoreSettle.compareTo(Duration.ofSeconds(600)) > 0) {
            throw new IllegalArgumentException(RESCORE_SETTLE_SECONDS + " must lie between 0 and 600 seconds.");
        }
    }

    /** Reads the configuration from the process environment. */
    public static ApiConfig fromEnvironment() {
        return from(System.getenv());
    }

    /**
     * Reads the configuration from a map of environment variables.
     *
     * @throws IllegalArgumentException naming the first variable that is missing or malformed
     */
    public static ApiConfig from(Map<String, String> env) {
        URI endpointUri = endpoint(DYNAMODB_ENDPOINT, env.get(DYNAMODB_ENDPOINT));
        URI s3Endpoint = endpoint(S3_ENDPOINT, env.get(S3_ENDPOINT));
        String artifactDir = blankToNull(env.get(ARTIFACT_DIR));
        long championCheck = wholeNumber(CHAMPION_CHECK_SECONDS, env.get(CHAMPION_CHECK_SECONDS),
                DEFAULT_CHAMPION_CHECK_SECONDS, "seconds");
        long rescoreSettle = wholeNumber(RESCORE_SETTLE_SECONDS, env.get(RESCORE_SETTLE_SECONDS), 3 * championCheck,
                "seconds");
        double tolerance = DEFAULT_TOLERANCE;
        String toleranceText = blankToNull(env.get(PROMOTION_TOLERANCE));
        if (toleranceText != null) {
            try {
                tolerance = Double.parseDouble(toleranceText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(PROMOTION_TOLERANCE + " must be a number such as 0.01.", e);
            }
        }
        String modelDir = blankToNull(env.get(MODEL_DIR));
        long timeoutMs = wholeNumber(DYNAMODB_TIMEOUT_MS, env.get(DYNAMODB_TIMEOUT_MS), DEFAULT_TIMEOUT_MS, "milliseconds");
        if (timeoutMs < 100 || timeoutMs > 60_000) {
            throw new IllegalArgumentException(DYNAMODB_TIMEOUT_MS + " must lie between 100 and 60000 milliseconds.");
        }
        String region = Optional.ofNullable(blankToNull(env.get(AWS_REGION))).orElse(DEFAULT_REGION);
        long retrainSeed = wholeNumber(RETRAIN_SEED, env.get(RETRAIN_SEED), DEFAULT_RETRAIN_SEED, "");
        String keyFile = blankToNull(env.get(PSEUDONYMISATION_KEY_FILE));
        KeyLocation keys = new KeyLocation(blankToNull(env.get(PSEUDONYMISATION_SECRET_ARN)),
                keyFile == null ? null : Path.of(keyFile),
                endpoint(SECRETS_MANAGER_ENDPOINT, env.get(SECRETS_MANAGER_ENDPOINT)));
        return new ApiConfig(env.get(APPLICATIONS_TABLE), env.get(MODELS_TABLE), region, endpointUri,
                modelDir == null ? null : Path.of(modelDir), Duration.ofMillis(timeoutMs),
                Duration.ofMillis(Math.max(100, timeoutMs * 2 / 5)), blankToNull(env.get(ARTIFACT_BUCKET)),
                artifactDir == null ? null : Path.of(artifactDir), s3Endpoint, Duration.ofSeconds(championCheck),
                Optional.ofNullable(blankToNull(env.get(OFFICER_SCOPE))).orElse(DEFAULT_OFFICER_SCOPE),
                Optional.ofNullable(blankToNull(env.get(DATA_SCIENTIST_SCOPE))).orElse(DEFAULT_DATA_SCIENTIST_SCOPE),
                tolerance, retrainSeed, keys, blankToNull(env.get(EXPORT_BUCKET)), Duration.ofSeconds(rescoreSettle),
                blankToNull(env.get(SHADOW_SCORES_TABLE)));
    }

    private static URI endpoint(String variable, String value) {
        String endpoint = blankToNull(value);
        if (endpoint == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(variable + " must be a URI such as http://127.0.0.1:8000.", e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException(variable + " must be an absolute http(s) URI such as http://127.0.0.1:8000.");
        }
        return uri;
    }

    private static long wholeNumber(String variable, String value, long defaultValue, String unit) {
        String text = blankToNull(value);
        if (text == null) {
            return defaultValue;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number" + (unit.isEmpty() ? "" : " of " + unit)
                    + ".", e);
        }
    }

    /** Returns the requirement of the officer-only routes: the token grants {@code OFFICER_SCOPE}. */
    public RoleRequirement officer() {
        return RoleRequirement.of(officerScope);
    }

    /** Returns the requirement of the data-scientist-only routes: the token grants {@code DATA_SCIENTIST_SCOPE}. */
    public RoleRequirement dataScientist() {
        return RoleRequirement.of(dataScientistScope);
    }

    /** Returns the requirement of score and model reads: an officer or a data scientist. */
    public RoleRequirement reader() {
        return RoleRequirement.anyOf(officerScope, dataScientistScope);
    }

    /**
     * Returns the export bucket.
     *
     * @throws IllegalStateException when this process was not configured to export to S3
     */
    public String requireExportBucket() {
        if (exportBucket == null) {
            throw new IllegalStateException(EXPORT_BUCKET + " is not set, so this function cannot write an export.");
        }
        return exportBucket;
    }

    /**
     * Where the pseudonymisation key is read from: a Secrets Manager secret (AWS) or a key file (local). Only its
     * location is configuration; the key is read at run time and never held here.
     *
     * @param secretArn the secret's ARN, or {@code null}
     * @param keyFile   a file holding the key as base64, or {@code null}
     * @param secretsManagerEndpoint an endpoint override (a local Secrets Manager-compatible server), or {@code null}
     */
    public record KeyLocation(String secretArn, Path keyFile, URI secretsManagerEndpoint) {

        private static final Pattern SECRET_ARN = Pattern.compile(
                "arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:[A-Za-z0-9/_+=.@-]{1,512}");

        public KeyLocation {
            if (secretArn != null && keyFile != null) {
                throw new IllegalArgumentException("Set either " + PSEUDONYMISATION_SECRET_ARN + " or "
                        + PSEUDONYMISATION_KEY_FILE + ", not both: the pseudonymisation key has one source.");
            }
            if (secretArn != null && !SECRET_ARN.matcher(secretArn).matches()) {
                throw new IllegalArgumentException(PSEUDONYMISATION_SECRET_ARN + " must be the ARN of a Secrets Manager "
                        + "secret, such as arn:aws:secretsmanager:eu-west-1:123456789012:secret:licence-risk-key-AbCdEf.");
            }
        }

        /** Whether the ARN names a Secrets Manager secret (used by the command line's {@code --key-secret}). */
        public static boolean isSecretArn(String text) {
            return text != null && SECRET_ARN.matcher(text).matches();
        }
    }

    /** The configuration, which holds no secret. */
    @Override
    public String toString() {
        return "ApiConfig[applicationsTable=" + applicationsTable + ", modelsTable=" + modelsTable + ", region=" + region
                + ", dynamoDbEndpoint=" + dynamoDbEndpoint + ", modelDir=" + modelDir + ", apiCallTimeout="
                + apiCallTimeout + ", apiAttemptTimeout=" + apiAttemptTimeout + ", artifactBucket=" + artifactBucket
                + ", artifactDir=" + artifactDir + ", s3Endpoint=" + s3Endpoint + ", championCheck=" + championCheck
                + ", officerScope=" + officerScope + ", dataScientistScope=" + dataScientistScope
                + ", promotionTolerance="
                + promotionTolerance + ", retrainSeed=" + retrainSeed + ", keys=" + keys + ", exportBucket="
                + exportBucket + ", rescoreSettle=" + rescoreSettle + ", shadowScoresTable=" + shadowScoresTable + "]";
    }

    /** Returns the model directory, or throws when this process was not configured to score. */
    public Path requireModelDir() {
        if (modelDir == null) {
            throw new IllegalStateException(MODEL_DIR + " is not set, so this function cannot load a model.");
        }
        return modelDir;
    }

    private static void requireTable(String variable, String value) {
        if (value == null || !TABLE_NAME.matcher(value).matches()) {
            throw new IllegalArgumentException(variable
                    + " must be set to a DynamoDB table name (3 to 255 letters, digits, '_', '-' or '.').");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
