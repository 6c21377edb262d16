package org.licencerisk.functions.privacy;

import org.licencerisk.model.privacy.PseudonymisationKeys;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

/** One {@code GetSecretValue} call and the checks of its answer. */
final class SecretsManagerKeys {

    private SecretsManagerKeys() {
    }

    /** Reads the secret's text and decodes it as base64; the caller checks the length. */
    static byte[] read(SecretsManagerClient client, String secretArn) {
        GetSecretValueResponse response;
        try {
            response = client.getSecretValue(b -> b.secretId(secretArn));
        } catch (ResourceNotFoundException e) {
            throw new PseudonymisationKeyException("The pseudonymisation key secret " + secretArn
                    + " does not exist (or has no current version).");
        } catch (SecretsManagerException e) {
            String code = e.awsErrorDetails() == null ? "unknown error" : e.awsErrorDetails().errorCode();
            throw new PseudonymisationKeyException("Secrets Manager refused to return the pseudonymisation key secret "
                    + secretArn + ": " + code + " (HTTP " + e.statusCode() + ").");
        } catch (SdkClientException e) {
            throw new PseudonymisationKeyException("Secrets Manager could not be reached to read the pseudonymisation "
                    + "key secret " + secretArn + ".", e);
        }
        String text = response.secretString();
        if (text == null || text.isBlank()) {
            throw new PseudonymisationKeyException("The pseudonymisation key secret " + secretArn + " holds no text "
                    + "(SecretString); store the key there as base64 text of 32 or more random bytes.");
        }
        try {
            return PseudonymisationKeys.fromBase64(text);
        } catch (IllegalArgumentException e) {
            throw new PseudonymisationKeyException("The pseudonymisation key secret " + secretArn
                    + " does not hold base64 text; store the key there as base64 text of 32 or more random bytes.");
        }
    }
}
