package org.licencerisk.functions.decisions;

import org.licencerisk.functions.errors.ConflictException;

/** The application has a different decision in force, or another decision was recorded at the same time. */
public final class DecisionConflictException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public DecisionConflictException(String message) {
        super(message);
    }
}
