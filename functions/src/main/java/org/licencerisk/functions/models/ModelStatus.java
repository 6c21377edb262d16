package org.licencerisk.functions.models;

/**
 * Where a registered model stands. Exactly one model is {@link #CHAMPION} at a time: the one the champion pointer
 * names; the status attribute of model items is kept in step with the pointer (see docs/table-design.md).
 */
public enum ModelStatus {
    /** Registered, not serving. */
    CANDIDATE,
    /** Scores live requests alongside the champion, stored apart, never returned. */
    SHADOW,
    /** Serves the scores. */
    CHAMPION,
    /** Was champion once; may be promoted again (a rollback). */
    RETIRED
}
