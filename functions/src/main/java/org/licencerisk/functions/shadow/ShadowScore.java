package org.licencerisk.functions.shadow;

import org.licencerisk.functions.scores.StoredScore;
import org.licencerisk.model.scoring.Factor;
import org.licencerisk.model.scoring.RedFlag;
import org.licencerisk.model.scoring.RiskBand;
import org.licencerisk.model.scoring.RiskScore;

import java.time.Instant;
import java.util.List;

/**
 * One shadow model's score of one application content, next to the primary score of the same request. Holds no
 * application content: identifiers, scores, bands, feature names and red-flag codes only.
 *
 * @param modelVersion        the shadow model
 * @param pairKey             {@code <applicationId>#<first 32 hex digits of the input hash>}: the content scored
 * @param applicationId       the application
 * @param riskScore           the shadow model's score
 * @param riskBand            the shadow model's band
 * @param topFactors          the features of the shadow score's three largest contributions
 * @param redFlagCodes        the red flags that fired
 * @param primaryModelVersion the model that produced the primary score
 * @param primaryRiskScore    the primary score
 * @param primaryRiskBand     the primary band
 * @param primaryScoreId      the primary score's id
 * @param scoredAt            when the shadow model scored
 */
public record ShadowScore(String modelVersion, String pairKey, String applicationId, double riskScore,
                          RiskBand riskBand, List<String> topFactors, List<String> redFlagCodes,
                          String primaryModelVersion, double primaryRiskScore, RiskBand primaryRiskBand,
                          String primaryScoreId, Instant scoredAt) {

    /** How many factor names a shadow score keeps. */
    static final int TOP_FACTORS = 3;

    public ShadowScore {
        topFactors = List.copyOf(topFactors);
        redFlagCodes = List.copyOf(redFlagCodes);
    }

    /** The shadow score of {@code score} beside {@code primary}. */
    public static ShadowScore of(RiskScore score, StoredScore primary, Instant scoredAt) {
        return new ShadowScore(score.modelVersion(), pairKey(primary.applicationId(), primary.inputHash()),
                primary.applicationId(), score.riskScore(), score.riskBand(),
                score.factors().stream().limit(TOP_FACTORS).map(Factor::feature).toList(),
                score.redFlags().stream().map(RedFlag::code).toList(),
                primary.score().modelVersion(), primary.score().riskScore(), primary.score().riskBand(),
                primary.scoreId(), scoredAt);
    }

    /** The content key of a pair: the application and the first 32 hex digits of its input hash. */
    public static String pairKey(String applicationId, String inputHash) {
        if (inputHash.length() < 32) {
            throw new IllegalArgumentException("An input hash has 64 hex digits, found " + inputHash.length() + ".");
        }
        return applicationId + "#" + inputHash.substring(0, 32);
    }
}
