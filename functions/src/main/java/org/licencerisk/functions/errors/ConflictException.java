package org.licencerisk.functions.errors;

/**
 * The request is well-formed but conflicts with the stored state (a model already champion, a different decision, a
 * write raced by another); the caller may read the state and retry. The message is safe to show.
 */
public abstract class ConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected ConflictException(String message) {
        super(message);
    }

    /**
     * The figures behind the conflict, shown to the caller beside the message (a refused promotion's metric
     * comparison); {@code null} when there are none.
     */
    public Object figures() {
        return null;
    }
}
