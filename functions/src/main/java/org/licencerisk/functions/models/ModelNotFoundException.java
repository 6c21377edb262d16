package org.licencerisk.functions.models;

import org.licencerisk.functions.errors.NotFoundException;

/** No model with the given version is registered. */
public final class ModelNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public ModelNotFoundException(String message) {
        super(message);
    }
}
