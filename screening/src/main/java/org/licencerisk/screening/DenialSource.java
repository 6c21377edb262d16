package org.licencerisk.screening;

/** Where a denial comes from. */
public enum DenialSource {
    /** Notified by another state. */
    NOTIFICATION,
    /** One of this authority's own refusals. */
    OWN
}
