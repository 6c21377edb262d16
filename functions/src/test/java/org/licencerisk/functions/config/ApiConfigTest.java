package org.licencerisk.functions.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApiConfigTest {

    private static Map<String, String> valid() {
        Map<String, String> env = new HashMap<>();
        env.put("APPLICATIONS_TABLE", "licence-risk-applications");
        env.put("MODELS_TABLE", "licence-risk-models");
        return env;
    }

    @Test
    void readsAMinimalLambdaEnvironmentWithDefaults() {
        Map<String, String> env = valid();
        env.put("AWS_REGION", "eu-central-1");
        ApiConfig c = ApiConfig.from(env);
        assertEquals("licence-risk-applications", c.applicationsTable());
        assertEquals("eu-central-1", c.region());
        assertNull(c.dynamoDbEndpoint());
        assertNull(c.modelDir());
        assertEquals(Duration.ofMillis(2000), c.apiCallTimeout());
        assertEquals(Duration.ofMillis(800), c.apiAttemptTimeout());
    }

    @Test
    void readsALocalEnvironment() {
        Map<String, String> env = valid();
        env.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000");
        env.put("MODEL_DIR", "/opt/model");
        env.put("DYNAMODB_TIMEOUT_MS", "500");
        ApiConfig c = ApiConfig.from(env);
        assertEquals(URI.create("http://127.0.0.1:8000"), c.dynamoDbEndpoint());
        assertEquals(Path.of("/opt/model"), c.requireModelDir());
        assertEquals(Duration.ofMillis(200), c.apiAttemptTimeout());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "APPLICATIONS_TABLE||APPLICATIONS_TABLE must be set",
            "MODELS_TABLE|a b|MODELS_TABLE must be set",
            "DYNAMODB_ENDPOINT|not a uri|DYNAMODB_ENDPOINT must be",
            "DYNAMODB_ENDPOINT|127.0.0.1:8000|DYNAMODB_ENDPOINT must be",
            "DYNAMODB_TIMEOUT_MS|fast|DYNAMODB_TIMEOUT_MS must be a whole number",
            "DYNAMODB_TIMEOUT_MS|10|DYNAMODB_TIMEOUT_MS must lie between",
            "ARTIFACT_BUCKET|Model_Artifacts|ARTIFACT_BUCKET must be an S3 bucket name",
            "S3_ENDPOINT|nowhere|S3_ENDPOINT must be",
            "CHAMPION_CHECK_SECONDS|soon|CHAMPION_CHECK_SECONDS must be a whole number",
            "CHAMPION_CHECK_SECONDS|0|CHAMPION_CHECK_SECONDS must lie between",
            "CHAMPION_CHECK_SECONDS|61|CHAMPION_CHECK_SECONDS must lie between",
            "PROMOTION_TOLERANCE|small|PROMOTION_TOLERANCE must be a number",
            "PROMOTION_TOLERANCE|-0.1|PROMOTION_TOLERANCE must lie between",
            "RESCORE_SETTLE_SECONDS|later|RESCORE_SETTLE_SECONDS must be a whole number",
            "RESCORE_SETTLE_SECONDS|601|RESCORE_SETTLE_SECONDS must lie between"})
    void badValuesAreRefusedNamingTheVariable(String variable, String value, String message) {
        Map<String, String> env = valid();
        if (value == null) {
            env.remove(variable);
        } else {
            env.put(variable, value);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ApiConfig.from(env));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void registryDefaults() {
        ApiConfig c = ApiConfig.from(valid());
        assertEquals("licence-risk/officer", c.officerScope());
        assertEquals("licence-risk/data-scientist", c.dataScientistScope());
        assertEquals(0.01, c.promotionTolerance());
        assertEquals(java.time.Duration.ofSeconds(30), c.championCheck());
        assertNull(c.artifactBucket());
    }

    @Test
    void aFunctionWithoutAModelDirectorySaysSoWhenAskedToScore() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ApiConfig.from(valid()).requireModelDir());
        assertTrue(e.getMessage().contains("MODEL_DIR"));
    }

    @Test
    void theSettlingTimeOfReScoringDefaultsToThreeChampionCheckIntervals() {
        Map<String, String> env = valid();
        env.put("CHAMPION_CHECK_SECONDS", "20");
        assertEquals(java.time.Duration.ofSeconds(60), ApiConfig.from(env).rescoreSettle());
        env.put("RESCORE_SETTLE_SECONDS", "0");
        assertEquals(java.time.Duration.ZERO, ApiConfig.from(env).rescoreSettle());
    }

    @Test
    void retrainingReadsTheSeedAndWhereTheKeyIsButNeverTheKey() {
        ApiConfig defaults = ApiConfig.from(valid());
        assertEquals(42L, defaults.retrainSeed());
        assertNull(defaults.keys().secretArn());
        assertNull(defaults.keys().keyFile());

        Map<String, String> env = valid();
        String arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:licence-risk-key-AbCdEf";
        env.put("PSEUDONYMISATION_SECRET_ARN", arn);
        env.put("RETRAIN_SEED", "7");
        ApiConfig c = ApiConfig.from(env);
        assertEquals(7L, c.retrainSeed());
        assertEquals(arn, c.keys().secretArn());

        env.put("PSEUDONYMISATION_KEY_FILE", "/keys/export.key");
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> ApiConfig.from(env));
        assertTrue(both.getMessage().contains("not both"), both.getMessage());
        env.remove("PSEUDONYMISATION_KEY_FILE");
        env.put("PSEUDONYMISATION_SECRET_ARN", "bXkga2V5IGlzIGhlcmUgYW5kIGl0IGlzIGxvbmcgZW5vdWdo");
        IllegalArgumentException notArn = assertThrows(IllegalArgumentException.class, () -> ApiConfig.from(env));
        assertTrue(notArn.getMessage().startsWith("PSEUDONYMISATION_SECRET_ARN must be the ARN"), notArn.getMessage());
        assertFalse(notArn.getMessage().contains("bXkga2V5"), "a key pasted by mistake is not echoed");
        env.put("PSEUDONYMISATION_SECRET_ARN", arn);

        env.put("RETRAIN_SEED", "seven");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> ApiConfig.from(env));
        assertEquals("RETRAIN_SEED must be a whole number.", bad.getMessage());
    }

    @Test
    void theExportBucketIsCheckedAndRequiredOnlyToExport() {
        Map<String, String> env = valid();
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> ApiConfig.from(env).requireExportBucket());
        assertTrue(missing.getMessage().contains("EXPORT_BUCKET"));
        env.put("EXPORT_BUCKET", "Not_A_Bucket");
        assertThrows(IllegalArgumentException.class, () -> ApiConfig.from(env));
        env.put("EXPORT_BUCKET", "licence-risk-exports");
        assertEquals("licence-risk-exports", ApiConfig.from(env).requireExportBucket());
    }
}
