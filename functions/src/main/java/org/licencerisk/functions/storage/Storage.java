package org.licencerisk.functions.storage;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import com.fasterxml.jackson.core.JacksonException;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs DynamoDB calls, turning throttling and every failure to reach the store (connection failures, time-outs, a
 * cancelled or timed-out connection lease, interrupted I/O) into {@link StorageUnavailableException}, which the API
 * answers as 429 or 503 with {@code Retry-After}.
 */
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
        } catch (SdkClientException | CancellationException e) {
            // The SDK's own client failures, and what its HTTP client lets through: a connection lease cancelled when
            // the attempt timed out (CancellationException), I/O failing outside the SDK's wrapping.
            throw new StorageUnavailableException(false, UNAVAILABLE_RETRY_AFTER, e.getClass().getSimpleName(), e);
        } catch (RuntimeException e) {
            if (isReachFailure(e)) {
                throw new StorageUnavailableException(false, UNAVAILABLE_RETRY_AFTER, e.getClass().getSimpleName(), e);
            }
            throw e;
        }
    }

    /**
     * Whether an exception the SDK did not wrap still means the store could not be reached: I/O failed, timed out,
     * was interrupted or cancelled somewhere below the call.
     */
    private static boolean isReachFailure(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof JacksonException) {
                return false; // content that does not parse is no reach failure, though Jackson's exceptions are IOExceptions
            }
            if (c instanceof IOException || c instanceof InterruptedException || c instanceof TimeoutException
                    || c instanceof CancellationException) {
                return true;
            }
            if (c.getCause() == c) {
                return false;
            }
        }
        return false;
    }

    /** Runs one call that returns nothing. */
    public static void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }
}
