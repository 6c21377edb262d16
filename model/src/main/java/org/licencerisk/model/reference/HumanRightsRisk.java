package org.licencerisk.model.reference;

/** How likely goods are to be used for internal repression in a country (Common Position criterion 2). */
public enum HumanRightsRisk {
    LOW,
    MEDIUM,
    HIGH,
    VERY_HIGH;

    /** Returns whether this level counts as a poor human-rights record for the red-flag rules. */
    public boolean isPoor() {
        return this == HIGH || this == VERY_HIGH;
    }
}
