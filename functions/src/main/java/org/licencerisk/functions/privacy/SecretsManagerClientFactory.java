package org.licencerisk.functions.privacy;

import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.storage.DynamoDbClientFactory;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClientBuilder;

import java.time.Duration;

/**
 * Builds the one {@link SecretsManagerClient} of a process, over the same Apache 5 HTTP client as DynamoDB. It makes
 * one call per container (the key is cached), so the timeouts only bound how long a missing network takes to say so.
 */
public final class SecretsManagerClientFactory {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(12);

    private SecretsManagerClientFactory() {
    }

    /** Builds a client for the configuration's region, or its endpoint override. */
    public static SecretsManagerClient create(ApiConfig config) {
        boolean local = config.keys().secretsManagerEndpoint() != null;
        SecretsManagerClientBuilder builder = SecretsManagerClient.builder()
                .region(Region.of(config.region()))
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(CONNECT_TIMEOUT)
                        .socketTimeout(ATTEMPT_TIMEOUT)
                        .maxConnections(2))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .apiCallTimeout(CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(2).build())
                        .build())
                .credentialsProvider(DynamoDbClientFactory.credentials(local));
        if (local) {
            builder.endpointOverride(config.keys().secretsManagerEndpoint());
        }
        return builder.build();
    }
}
