package org.licencerisk.functions.errors;

/** What the caller named does not exist (a model, a score, an application). The message is safe to show. */
public abstract class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected NotFoundException(String message) {
        super(message);
    }
}
