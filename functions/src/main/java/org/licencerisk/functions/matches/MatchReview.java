package org.licencerisk.functions.matches;

import java.time.Instant;

/**
 * One officer's review of one denial match (schema {@code MatchReview}); every review is kept.
 *
 * @param sequence     1 for the first review of this match, then one more for each
 * @param reason       why (required to dismiss), or {@code null}; confidential, never logged
 * @param officer      the token's subject
 * @param consultation the consultation this review opened or closed, or {@code null}
 */
public record MatchReview(String applicationId, String denialId, int sequence, ReviewVerdict verdict, String reason,
                          String officer, Instant reviewedAt, Consultation consultation) {
}
