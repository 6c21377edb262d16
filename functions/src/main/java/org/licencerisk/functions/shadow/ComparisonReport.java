package org.licencerisk.functions.shadow;

import org.licencerisk.model.scoring.RiskBand;

import java.util.List;
import java.util.Map;

/**
 * How a model's scores compare with a baseline's on the same application contents (schema
 * {@code ShadowComparison} in {@code openapi.yaml}).
 *
 * @param modelVersion       the model compared
 * @param baselineVersion    the baseline
 * @param baselineIsChampion whether the baseline is the champion now
 * @param pairs              how many application contents both scored
 * @param bandAgreement      the fraction of pairs in the same band, or {@code null} without pairs
 * @param bandMatrix         counts by the baseline's band (outer key) and the model's band (inner key)
 * @param spearman           Spearman's rank correlation of the scores, or {@code null} when undefined (fewer than
 *                           two pairs, or one model gave every pair the same score)
 * @param bandChangeCount    how many pairs change band
 * @param limit              the most band changes listed
 * @param bandChanges        the first {@code limit} band changes, in application order
 */
public record ComparisonReport(String modelVersion, String baselineVersion, boolean baselineIsChampion, long pairs,
                               Double bandAgreement, Map<RiskBand, Map<RiskBand, Long>> bandMatrix, Double spearman,
                               long bandChangeCount, int limit, List<BandChange> bandChanges) {
}
