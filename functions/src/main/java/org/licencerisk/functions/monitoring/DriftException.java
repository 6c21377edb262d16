package org.licencerisk.functions.monitoring;

/**
 * A drift report that could not be made although the request was well formed: no application in the window, a missing
 * or unreadable baseline, no champion, an artifact that fails verification, an output that cannot be written. Its
 * message is one sentence and never quotes application data.
 */
public final class DriftException extends RuntimeException {

    public DriftException(String message) {
        super(message);
    }

    public DriftException(String message, Throwable cause) {
        super(message, cause);
    }
}
