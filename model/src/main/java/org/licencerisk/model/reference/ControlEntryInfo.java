package org.licencerisk.model.reference;

/**
 * What the reference data says about one control list entry.
 *
 * @param entry             the entry, e.g. {@code 5A001.j}
 * @param description       a short description an officer recognises
 * @param cyberSurveillance whether it is a cyber-surveillance item in the sense of Art. 2(20) of 2021/821
 */
public record ControlEntryInfo(String entry, String description, boolean cyberSurveillance) {
}
