package org.licencerisk.functions.scores;

import org.licencerisk.functions.storage.Items;
import org.licencerisk.model.scoring.RiskScore;

import java.time.Instant;

/**
 * A score as stored: the model's answer plus what makes it traceable.
 *
 * @param applicationId        the application
 * @param scoreId              the score's id, from {@code inputHash} and the model version ({@link ScoreIds})
 * @param inputHash            SHA-256 (hex) of the application's canonical JSON
 * @param score                the model's score, reasons and red flags, with model and reference-data versions
 * @param scoredAt             when it was scored
 * @param scoringLatencyMicros how long scoring took, in microseconds
 */
public record StoredScore(String applicationId, String scoreId, String inputHash, RiskScore score, Instant scoredAt,
                          long scoringLatencyMicros) {

    /** The history index's sort key: fixed-width time, then the score id, so that it is unique. */
    public String scoredKey() {
        return Items.fixedInstant(scoredAt) + "#" + scoreId;
    }
}
