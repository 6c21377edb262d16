package org.licencerisk.model.application;

/**
 * One line of goods on the application (boxes 13 to 18).
 *
 * @param controlListEntry the Annex I or military list entry, e.g. {@code 5A001.j} or {@code ML10};
 *                         {@code null} for an unlisted item under the Art. 5 catch-all
 * @param description      the goods description; confidential, never logged
 * @param hsCode           the HS/CN commodity code, or {@code null}
 * @param quantity         how many units (greater than zero)
 * @param valueEur         the line's value in euro (zero or more)
 */
public record Item(String controlListEntry, String description, String hsCode, double quantity, double valueEur) {
}
