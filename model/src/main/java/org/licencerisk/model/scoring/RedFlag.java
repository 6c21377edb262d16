package org.licencerisk.model.scoring;

/**
 * A hard warning from a deterministic rule, independent of the model.
 *
 * @param code      a stable code, e.g. {@code EMBARGOED_DESTINATION}
 * @param criterion the Common Position 2008/944/CFSP criterion it relates to ({@code "1"} to {@code "8"}) or
 *                  {@code "ART5"} for the cyber-surveillance catch-all
 * @param sentence  what was found, for the officer; names no confidential content
 */
public record RedFlag(String code, String criterion, String sentence) {
}
