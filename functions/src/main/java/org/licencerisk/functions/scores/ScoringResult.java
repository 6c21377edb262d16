package org.licencerisk.functions.scores;

/**
 * The outcome of {@code POST /v1/scores}.
 *
 * @param score   the stored score
 * @param created whether this request stored it ({@code false}: the same content was scored before)
 */
public record ScoringResult(StoredScore score, boolean created) {
}
