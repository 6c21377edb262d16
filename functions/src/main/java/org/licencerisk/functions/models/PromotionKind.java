package org.licencerisk.functions.models;

/** What a champion change was. */
public enum PromotionKind {
    /** The first champion: the model a scoring function found in its deployment package, with no pointer yet. */
    INITIAL,
    /** A challenger became champion. */
    PROMOTION,
    /** The previous champion became champion again. */
    ROLLBACK
}
