package org.licencerisk.screening;

/** Whether a denial still stands. */
public enum DenialStatus {
    VALID,
    REVOKED
}
