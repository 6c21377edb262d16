package org.licencerisk.functions.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
 */
public record ApiConfig(String applicationsTable, String modelsTable, String region, URI dynamoDbEndpoint,
                        Path modelDir, Duration apiCallTimeout, Duration apiAttemptTimeout) {

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
    /** Set by the Lambda runtime itself; never in the template. */
    public static final String AWS_REGION = "AWS_REGION";

    /** Variables {@code template.yaml} sets on every function (a test holds the template to this list). */
    public static final List<String> TEMPLATE_VARIABLES = List.of(APPLICATIONS_TABLE, MODELS_TABLE, DYNAMODB_TIMEOUT_MS);
    /** Variables {@code template.yaml} sets on every function that scores. */
    public static final List<String> SCORING_VARIABLES = List.of(MODEL_DIR);
    /** Variables only a local run sets; never in the template. */
    public static final List<String> LOCAL_VARIABLES = List.of(DYNAMODB_ENDPOINT);
    /** Variables the Lambda runtime provides. */
    public static final List<String> RUNTIME_VARIABLES = List.of(AWS_REGION);

    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final String DEFAULT_REGION = "eu-west-1";
    private static final long DEFAULT_TIMEOUT_MS = 2000;

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
        String endpoint = blankToNull(env.get(DYNAMODB_ENDPOINT));
        URI endpointUri = null;
        if (endpoint != null) {
            try {
                endpointUri = new URI(endpoint);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException(DYNAMODB_ENDPOINT + " must be a URI such as http://127.0.0.1:8000.", e);
            }
            if (endpointUri.getScheme() == null || endpointUri.getHost() == null) {
                throw new IllegalArgumentException(DYNAMODB_ENDPOINT + " must be an absolute http(s) URI such as http://127.0.0.1:8000.");
            }
        }
        String modelDir = blankToNull(env.get(MODEL_DIR));
        long timeoutMs = DEFAULT_TIMEOUT_MS;
        String timeout = blankToNull(env.get(DYNAMODB_TIMEOUT_MS));
        if (timeout != null) {
            try {
                timeoutMs = Long.parseLong(timeout);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(DYNAMODB_TIMEOUT_MS + " must be a whole number of milliseconds.", e);
            }
            if (timeoutMs < 100 || timeoutMs > 60_000) {
                throw new IllegalArgumentException(DYNAMODB_TIMEOUT_MS + " must lie between 100 and 60000 milliseconds.");
            }
        }
        String region = Optional.ofNullable(blankToNull(env.get(AWS_REGION))).orElse(DEFAULT_REGION);
        return new ApiConfig(env.get(APPLICATIONS_TABLE), env.get(MODELS_TABLE), region, endpointUri,
                modelDir == null ? null : Path.of(modelDir), Duration.ofMillis(timeoutMs),
                Duration.ofMillis(Math.max(100, timeoutMs * 2 / 5)));
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
