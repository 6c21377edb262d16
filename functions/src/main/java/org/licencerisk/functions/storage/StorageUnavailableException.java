package org.licencerisk.functions.storage;

/**
 * DynamoDB throttled the request or could not be reached in time. The client may retry after
 * {@link #retryAfterSeconds()}; nothing of the request was stored half-way (see {@code docs/table-design.md}).
 */
public final class StorageUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean throttled;
    private final int retryAfterSeconds;
    private final String errorCode;

    public StorageUnavailableException(boolean throttled, int retryAfterSeconds, String errorCode, Throwable cause) {
        super(throttled
                ? "The score store is throttling requests; retry after " + retryAfterSeconds + " second(s)."
                : "The score store cannot be reached; retry after " + retryAfterSeconds + " second(s).", cause);
        this.throttled = throttled;
        this.retryAfterSeconds = retryAfterSeconds;
        this.errorCode = errorCode;
    }

    /** Whether DynamoDB throttled the request (429) rather than being unreachable (503). */
    public boolean throttled() {
        return throttled;
    }

    /** Seconds the client should wait before retrying. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The SDK's error code or exception class, for the logs. */
    public String errorCode() {
        return errorCode;
    }
}
