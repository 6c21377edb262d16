package org.licencerisk.functions.scores;

import org.licencerisk.functions.screening.Screening;
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
 * @param screening            the denial register version it was screened against and the matches found
 */
public record StoredScore(String applicationId, String scoreId, String inputHash, RiskScore score, Instant scoredAt,
                          long scoringLatencyMicros, Screening screening) {

    public StoredScore {
        screening = screening == null ? Screening.NONE : screening;
    }

    /** A score that was not screened against the denial register. */
    public StoredScore(String applicationId, String scoreId, String inputHash, RiskScore score, Instant scoredAt,
                       long scoringLatencyMicros) {
        this(applicationId, scoreId, inputHash, score, scoredAt, scoringLatencyMicros, Screening.NONE);
    }

    /** The history index's sort key: fixed-width time, then the score id, so that it is unique. */
    public String scoredKey() {
        return Items.fixedInstant(scoredAt) + "#" + scoreId;
    }
}
