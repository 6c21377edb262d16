package org.licencerisk.functions.retraining;

/** The decided applications are too few to train a challenger and evaluate it on a held-out period. */
public final class InsufficientDataException extends RuntimeException {

    public InsufficientDataException(String message) {
        super(message);
    }

    public InsufficientDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
