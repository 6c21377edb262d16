package org.licencerisk.functions.scores;

import org.licencerisk.functions.errors.NotFoundException;

/** No score is stored for the application, or none with the given id. */
public final class ScoreNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public ScoreNotFoundException(String message) {
        super(message);
    }
}
