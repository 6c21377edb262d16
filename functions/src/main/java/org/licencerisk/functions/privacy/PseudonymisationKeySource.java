package org.licencerisk.functions.privacy;

import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.model.privacy.PseudonymisationKeys;
import org.licencerisk.model.privacy.Pseudonymiser;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * Where the export's pseudonymisation key comes from. {@link #pseudonymiser()} reads the key on first use, validates
 * it (base64 text of at least {@value Pseudonymiser#MIN_KEY_BYTES} bytes) and keeps the pseudonymiser for the life of
 * the container; a failed read is not cached, so the next call tries again. Thread-safe.
 */
public interface PseudonymisationKeySource {

    /**
     * Returns the pseudonymiser with the key, reading the key on the first call.
     *
     * @throws PseudonymisationKeyException when the key cannot be read or is not a valid key
     */
    Pseudonymiser pseudonymiser();

    /** Where the key comes from, for messages (a file name or a secret ARN; never the key). */
    String description();

    /** The key in a file of base64 text (local runs and the command line's {@code --key-file}). */
    static PseudonymisationKeySource file(Path keyFile) {
        String description = "key file " + keyFile.getFileName();
        return new CachedKeySource(description, () -> {
            try {
                return PseudonymisationKeys.fromFile(keyFile);
            } catch (IOException e) {
                throw new PseudonymisationKeyException("The pseudonymisation key file " + keyFile
                        + " could not be read.", e);
            } catch (IllegalArgumentException e) {
                throw new PseudonymisationKeyException(e.getMessage());
            }
        });
    }

    /** The key in a Secrets Manager secret's {@code SecretString}, as base64 text (AWS). */
    static PseudonymisationKeySource secret(SecretsManagerClient client, String secretArn) {
        return new CachedKeySource("secret " + secretArn, () -> SecretsManagerKeys.read(client, secretArn));
    }

    /**
     * The source the configuration names: the secret when {@code PSEUDONYMISATION_SECRET_ARN} is set, else the key
     * file of {@code PSEUDONYMISATION_KEY_FILE}.
     *
     * @param secretsManager builds the client, only when a secret is configured
     * @throws IllegalStateException when neither is set
     */
    static PseudonymisationKeySource from(ApiConfig.KeyLocation location, Supplier<SecretsManagerClient> secretsManager) {
        if (location.secretArn() != null) {
            return secret(secretsManager.get(), location.secretArn());
        }
        if (location.keyFile() != null) {
            return file(location.keyFile());
        }
        throw new IllegalStateException("Set " + ApiConfig.PSEUDONYMISATION_SECRET_ARN + " (AWS) or "
                + ApiConfig.PSEUDONYMISATION_KEY_FILE + " (a local key file) to say where the pseudonymisation key is.");
    }
}
