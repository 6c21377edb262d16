package org.licencerisk.functions.denials;

import org.licencerisk.screening.Denial;

import java.time.Instant;

/**
 * One version of a denial as the register keeps it.
 *
 * @param denial      the denial's content
 * @param version     1 for the first, then one more for each amendment or revocation
 * @param contentHash SHA-256 (hex) of the denial's canonical JSON: the same content is not stored twice
 * @param changedAt   when this version was stored
 * @param changedBy   the subject of the caller who stored it ({@code import}, {@code decision} for own refusals)
 */
public record StoredDenial(Denial denial, long version, String contentHash, Instant changedAt, String changedBy) {
}
