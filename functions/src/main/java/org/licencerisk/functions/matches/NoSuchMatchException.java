package org.licencerisk.functions.matches;

import org.licencerisk.functions.errors.NotFoundException;

/** The application has no score, or its latest score has no match with the denial named. */
public final class NoSuchMatchException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public NoSuchMatchException(String message) {
        super(message);
    }
}
