package org.licencerisk.functions.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.testing.SecretsManagerStub;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.privacy.Pseudonymiser;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The key read from Secrets Manager as the SDK client sends the request, against a stub endpoint on 127.0.0.1 that
 * records it and answers a canned response (checking the request's exact shape is the one use of a stand-in here).
 */
class SecretsManagerKeySourceTest {

    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:licence-risk-key-AbCdEf";

    private static byte[] key(int seed, int length) {
        byte[] key = new byte[length];
        new Random(seed).nextBytes(key);
        return key;
    }

    private static ApiConfig config(URI endpoint) {
        Map<String, String> env = new HashMap<>(Map.of(ApiConfig.APPLICATIONS_TABLE, "applications",
                ApiConfig.MODELS_TABLE, "models", ApiConfig.PSEUDONYMISATION_SECRET_ARN, ARN,
                ApiConfig.SECRETS_MANAGER_ENDPOINT, endpoint.toString(), ApiConfig.AWS_REGION, "eu-west-1"));
        return ApiConfig.from(env);
    }

    private static PseudonymisationKeySource source(URI endpoint) {
        ApiConfig config = config(endpoint);
        return PseudonymisationKeySource.from(config.keys(), () -> SecretsManagerClientFactory.create(config));
    }

    @Test
    void readsTheKeyWithOneSignedGetSecretValueOfTheSecretArnAndKeepsIt() throws IOException {
        byte[] key = key(3, 48);
        try (SecretsManagerStub stub = SecretsManagerStub.holding(ARN, Base64.getEncoder().encodeToString(key))) {
            PseudonymisationKeySource source = source(stub.endpoint());
            Pseudonymiser first = source.pseudonymiser();
            assertSame(first, source.pseudonymiser(), "read once, then kept");
            assertEquals(new Pseudonymiser(key).keyId(), first.keyId(), "the secret's key, decoded from base64");

            assertEquals(1, stub.received().size(), "one call per container");
            SecretsManagerStub.Received request = stub.received().get(0);
            assertEquals("POST", request.method());
            assertEquals("/", request.path());
            assertEquals("secretsmanager.GetSecretValue", request.headers().get("x-amz-target"));
            assertEquals("application/x-amz-json-1.1", request.headers().get("content-type"));
            String authorization = request.headers().get("authorization");
            assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential="), authorization);
            assertTrue(authorization.contains("/eu-west-1/secretsmanager/aws4_request"), authorization);
            assertTrue(authorization.contains("Signature="), authorization);
            assertTrue(request.headers().containsKey("x-amz-date"));
            JsonNode body = Json.mapper().readTree(request.body());
            assertEquals(Json.mapper().createObjectNode().put("SecretId", ARN), body);
            assertEquals("secret " + ARN, source.description());
            assertFalse(source.toString().contains(Base64.getEncoder().encodeToString(key)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "not base64, 'this is not base64 #!', does not hold base64 text",
            "too short, c2hvcnQga2V5IG9mIDE2IGJ5dGU=, at least 32 bytes long, found 19 bytes",
            "blank, '   ', holds no text (SecretString)"})
    void aSecretThatIsNotAKeyIsRefusedWithASentenceThatDoesNotQuoteIt(String name, String secret, String expected) {
        try (SecretsManagerStub stub = SecretsManagerStub.holding(ARN, secret)) {
            PseudonymisationKeyException e = assertThrows(PseudonymisationKeyException.class,
                    () -> source(stub.endpoint()).pseudonymiser());
            assertTrue(e.getMessage().contains(expected), e.getMessage());
            assertTrue(e.getMessage().contains(ARN), "names the secret: " + e.getMessage());
            if (!secret.isBlank()) {
                assertFalse(e.getMessage().contains(secret.strip()), "never quotes the secret: " + e.getMessage());
            }
        }
    }

    @Test
    void aSecretWithoutSecretStringIsRefused() {
        try (SecretsManagerStub stub = SecretsManagerStub.holding(ARN, null)) {
            PseudonymisationKeyException e = assertThrows(PseudonymisationKeyException.class,
                    () -> source(stub.endpoint()).pseudonymiser());
            assertTrue(e.getMessage().contains("holds no text (SecretString)"), e.getMessage());
        }
    }

    @Test
    void aMissingOrForbiddenSecretSaysWhich() {
        try (SecretsManagerStub stub = SecretsManagerStub.failing(400, "ResourceNotFoundException",
                "Secrets Manager can't find the specified secret.")) {
            PseudonymisationKeyException e = assertThrows(PseudonymisationKeyException.class,
                    () -> source(stub.endpoint()).pseudonymiser());
            assertEquals("The pseudonymisation key secret " + ARN + " does not exist (or has no current version).",
                    e.getMessage());
        }
        try (SecretsManagerStub stub = SecretsManagerStub.failing(400, "AccessDeniedException", "Not allowed.")) {
            PseudonymisationKeyException e = assertThrows(PseudonymisationKeyException.class,
                    () -> source(stub.endpoint()).pseudonymiser());
            assertEquals("Secrets Manager refused to return the pseudonymisation key secret " + ARN
                    + ": AccessDeniedException (HTTP 400).", e.getMessage());
        }
    }

    @Test
    void anUnreachableEndpointIsASentenceAndIsTriedAgainOnTheNextUse() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PseudonymisationKeySource source = source(URI.create("http://127.0.0.1:" + port));
        PseudonymisationKeyException e = assertThrows(PseudonymisationKeyException.class, source::pseudonymiser);
        assertEquals("Secrets Manager could not be reached to read the pseudonymisation key secret " + ARN + ".",
                e.getMessage());
        assertThrows(PseudonymisationKeyException.class, source::pseudonymiser, "a failure is not kept");
    }

    @Test
    void neitherASecretNorAKeyFileIsAConfigurationError() {
        ApiConfig config = ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, "applications",
                ApiConfig.MODELS_TABLE, "models"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> PseudonymisationKeySource.from(config.keys(), () -> SecretsManagerClientFactory.create(config)));
        assertTrue(e.getMessage().contains("PSEUDONYMISATION_SECRET_ARN"), e.getMessage());
    }
}
