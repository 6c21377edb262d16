package org.licencerisk.screening;

/** The role a party plays in a transaction, on a denial or on an application. */
public enum PartyRole {
    END_USER,
    CONSIGNEE,
    INTERMEDIARY,
    PURCHASER
}
