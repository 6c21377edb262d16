package org.licencerisk.model.artifact;

/** A model artifact that is missing, unreadable, tampered with or incompatible with this build. */
public final class ArtifactException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ArtifactException(String message) {
        super(message);
    }

    public ArtifactException(String message, Throwable cause) {
        super(message, cause);
    }
}
