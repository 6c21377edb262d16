package org.licencerisk.functions.denials;

import org.licencerisk.functions.errors.NotFoundException;

/** The register holds no denial of the id asked for. */
public final class UnknownDenialException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public UnknownDenialException(String message) {
        super(message);
    }
}
