package org.licencerisk.functions.matches;

import org.licencerisk.functions.errors.ConflictException;

/**
 * A grant was sent while a consultation of a denying state is open and without an override; the message names the
 * state, the denial and the reply date, never a party.
 */
public final class OpenConsultationException extends ConflictException {

    private static final long serialVersionUID = 1L;

    public OpenConsultationException(String message) {
        super(message);
    }
}
