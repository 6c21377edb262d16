package org.licencerisk.functions.matches;

/** An officer's verdict on a denial match. */
public enum ReviewVerdict {
    /** The match is real. */
    CONFIRMED,
    /** The match is a false alarm (a reason is required). */
    DISMISSED
}
