package org.licencerisk.functions.scores;

import org.licencerisk.model.scoring.Factor;
import org.licencerisk.model.scoring.RedFlag;
import org.licencerisk.model.scoring.RiskBand;
import org.licencerisk.screening.DenialMatch;

import java.time.Instant;
import java.util.List;

/**
 * A score as the API returns it (schema {@code Score} in {@code openapi.yaml}).
 *
 * @param applicationId        the application
 * @param scoreId              the score's id
 * @param riskScore            the calibrated probability of refusal, 0 to 1
 * @param riskBand             the band
 * @param modelVersion         the model that scored it
 * @param referenceDataVersion the reference data the model read
 * @param factors              the reasons, largest first
 * @param redFlags             the red flags that fired
 * @param scoredAt             when it was scored
 * @param denialMatches        the denials the application matches, strongest first; empty when none
 * @param registerVersion      the denial register version it was screened against; absent when it was not screened
 */
public record ScoreView(String applicationId, String scoreId, double riskScore, RiskBand riskBand, String modelVersion,
                        String referenceDataVersion, List<Factor> factors, List<RedFlag> redFlags, Instant scoredAt,
                        List<DenialMatch> denialMatches, String registerVersion) {

    /** The view of a stored score. */
    public static ScoreView of(StoredScore s) {
        return new ScoreView(s.applicationId(), s.scoreId(), s.score().riskScore(), s.score().riskBand(),
                s.score().modelVersion(), s.score().referenceDataVersion(), s.score().factors(), s.score().redFlags(),
                s.scoredAt(), s.screening().matches(), s.screening().registerVersion());
    }
}
