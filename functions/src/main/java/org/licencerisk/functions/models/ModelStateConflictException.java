package org.licencerisk.functions.models;

import org.licencerisk.functions.errors.ConflictException;

/**
 * A model's state forbids the change (it is the champion already, has no metrics or no stored artifact, is not in
 * shadow), or the registry changed while the change was decided.
 */
public final class ModelStateConflictException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public ModelStateConflictException(String message) {
        super(message);
    }
}
