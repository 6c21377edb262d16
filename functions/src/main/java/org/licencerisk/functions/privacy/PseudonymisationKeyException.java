package org.licencerisk.functions.privacy;

/** The pseudonymisation key could not be read or is not a valid key; the message names where, never the key. */
public final class PseudonymisationKeyException extends RuntimeException {

    public PseudonymisationKeyException(String message) {
        super(message);
    }

    public PseudonymisationKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
