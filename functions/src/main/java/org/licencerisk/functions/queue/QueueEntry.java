package org.licencerisk.functions.queue;

import org.licencerisk.model.scoring.RiskBand;

import java.time.Instant;

/**
 * An undecided application in the queue (schema {@code QueueEntry} in {@code openapi.yaml}).
 *
 * @param applicationId the application
 * @param scoreId       its latest score
 * @param riskScore     the latest score's value
 * @param riskBand      the latest score's band
 * @param modelVersion  the model of the latest score
 * @param scoredAt      when it was scored
 * @param redFlagCount  how many red flags the latest score raised
 * @param denialMatchCount how many denials the latest score matched
 */
public record QueueEntry(String applicationId, String scoreId, double riskScore, RiskBand riskBand,
                         String modelVersion, Instant scoredAt, int redFlagCount, int denialMatchCount) {
}
