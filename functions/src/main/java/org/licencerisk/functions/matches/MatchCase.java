package org.licencerisk.functions.matches;

import org.licencerisk.screening.DenialMatch;

import java.util.List;

/**
 * A case's denial matches as officers see them (schema {@code DenialMatchCase}).
 *
 * @param registerVersion the register version of the latest score, or {@code null} when it was not screened
 * @param matches         the latest score's matches, strongest first
 * @param reviews         every review, by denial then sequence
 * @param consultations   every consultation opened
 */
public record MatchCase(String applicationId, String registerVersion, List<DenialMatch> matches,
                        List<MatchReview> reviews, List<Consultation> consultations) {
}
