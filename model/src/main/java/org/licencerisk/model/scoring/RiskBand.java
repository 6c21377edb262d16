package org.licencerisk.model.scoring;

/** Where a score puts an application in the officers' queue. */
public enum RiskBand {
    LOW,
    MEDIUM,
    HIGH
}
