package org.licencerisk.functions.storage;

/** A pagination cursor that this list did not return (malformed, tampered with, or from another list). */
public final class InvalidCursorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidCursorException() {
        super("Is not a cursor this list returned; start again without a cursor.");
    }
}
