package org.licencerisk.screening;

/**
 * One field compared between an application and a denial.
 *
 * @param field            what was compared, e.g. {@code endUser.name}, {@code controlListEntry}, {@code destinationCountry}
 * @param applicationValue the application's value
 * @param denialValue      the denial's value
 * @param similarity       0 (nothing in common) to 1 (the same after normalisation)
 * @param method           how it was compared, e.g. {@code exact}, {@code entry-family}, {@code weighted-token}
 */
public record FieldEvidence(String field, String applicationValue, String denialValue, double similarity, String method) {
}
