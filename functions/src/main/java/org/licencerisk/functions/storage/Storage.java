package org.licencerisk.functions.storage;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.Set;
import java.util.function.Supplier;

/** Runs DynamoDB calls, turning throttling and connection failures into {@link StorageUnavailableException}. */
public final class Storage {

    private static final Set<String> THROTTLING = Set.of("ProvisionedThroughputExceededException",
            "RequestLimitExceeded", "ThrottlingException", "Throttling", "TooManyRequestsException",
            "LimitExceededException");
    private static final int THROTTLED_RETRY_AFTER = 1;
    private static final int UNAVAILABLE_RETRY_AFTER = 5;

    private Storage() {
    }

    /**
     * Runs one call.
     *
     * @throws StorageUnavailableException when the SDK gave up on throttling, a timeout or a connection failure
     * @throws ConditionalCheckFailedException unchanged, for the caller to interpret
     */
    public static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (ConditionalCheckFailedException e) {
            throw e;
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if (e.isThrottlingException() || (code != null && THROTTLING.contains(code)) || e.statusCode() == 429) {
                throw new StorageUnavailableException(true, THROTTLED_RETRY_AFTER, code, e);
            }
            if (e.statusCode() >= 500) {
                throw new StorageUnavailableException(false, UNAVAILABLE_RETRY_AFTER, code, e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new StorageUnavailableException(false, UNAVAILABLE_RETRY_AFTER, e.getClass().getSimpleName(), e);
        }
    }

    /** Runs one call that returns nothing. */
    public static void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}
