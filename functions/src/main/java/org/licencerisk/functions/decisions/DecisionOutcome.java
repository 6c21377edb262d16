package org.licencerisk.functions.decisions;

/** What the officer decided. */
public enum DecisionOutcome {
    APPROVED,
    APPROVED_WITH_CONDITIONS,
    REFUSED,
    WITHDRAWN
}
