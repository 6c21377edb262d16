package org.licencerisk.model.application;

/** What kind of organisation or person the end user is, as case systems record it. */
public enum EndUserType {
    GOVERNMENT,
    MILITARY,
    POLICE_OR_SECURITY,
    TELECOM_OPERATOR,
    COMMERCIAL,
    RESEARCH,
    DISTRIBUTOR,
    INDIVIDUAL
}
