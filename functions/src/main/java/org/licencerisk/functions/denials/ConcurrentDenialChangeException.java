package org.licencerisk.functions.denials;

import org.licencerisk.functions.errors.ConflictException;

/** Another change of the same denial was stored at the same time; the caller may read it and send its own again. */
public final class ConcurrentDenialChangeException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public ConcurrentDenialChangeException(String message) {
        super(message);
    }
}
