package org.licencerisk.functions.decisions;

import org.licencerisk.functions.errors.NotFoundException;

/** No score has been stored for the application, so there is nothing to decide. */
public final class UnscoredApplicationException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public UnscoredApplicationException(String message) {
        super(message);
    }
}
