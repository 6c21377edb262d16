package org.licencerisk.functions.shadow;

import org.licencerisk.functions.models.ModelStateConflictException;
import org.licencerisk.functions.models.ModelNotFoundException;
import org.licencerisk.functions.errors.InvalidRequestException;
import org.licencerisk.functions.models.ModelCatalogue;
import org.licencerisk.functions.models.ModelRegistry;
import org.licencerisk.model.scoring.RiskBand;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Compares a model's scores with a baseline's, pair by pair, on the same application contents.
 * <p>
 * A pair is one content key ({@code pairKey}) that both models scored. Both models' partitions of the shadow scores
 * table are read in pair-key order and merge-joined as they stream (paginated Queries, never a Scan): a key in both
 * partitions pairs the two shadow scores; a key only in the model's pairs its shadow score with the primary score
 * stored beside it if the baseline produced that primary; a key only in the baseline's likewise. So the same call
 * compares a shadow model with the champion it shadowed, two shadow models, or a champion with its former shadow.
 * Only the scores of the pairs are kept in memory (for the ranks). Thread-safe.
 */
public final class ShadowComparison {

    /** Band changes listed unless the caller asks for another number. */
    public static final int DEFAULT_LIMIT = 100;
    /** The most band changes one report lists. */
    public static final int MAX_LIMIT = 1000;

    private final ModelRegistry registry;
    private final ShadowScoreRepository scores;

    public ShadowComparison(ModelRegistry registry, ShadowScoreRepository scores) {
        this.registry = registry;
        this.scores = scores;
    }

    /**
     * Compares {@code modelVersion} with {@code baselineVersion}, or with the champion when that is {@code null}
     * (before the first promotion, the deployment package's model, which serves).
     * Without pairs the report says {@code pairs: 0} with {@code null} statistics (not an error: a model just put in
     * shadow has none yet).
     *
     * @throws InvalidRequestException     for a malformed version or limit, or a baseline equal to the model
     * @throws ModelNotFoundException       for a model or baseline not registered
     * @throws ModelStateConflictException  when no baseline is named and there is no champion
     */
    public ComparisonReport compare(String modelVersion, String baselineVersion, int limit) {
        ModelCatalogue.checkVersion(modelVersion);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw InvalidRequestException.of("limit", "Must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        if (baselineVersion != null) {
            try {
                ModelCatalogue.checkVersion(baselineVersion);
            } catch (InvalidRequestException e) {
                throw InvalidRequestException.of("baseline", "Must be 1 to 128 letters, digits, '-', '_', '.' or ':'.");
            }
        }
        requireRegistered(modelVersion);
        String champion = registry.servedVersion().orElse(null);
        String baseline = baselineVersion != null ? baselineVersion : champion;
        if (baseline == null) {
            throw new ModelStateConflictException("There is no champion to compare model " + modelVersion
                    + " with; name a baseline.");
        }
        if (baseline.equals(modelVersion)) {
            throw InvalidRequestException.of("baseline", "Must be another model than the one compared"
                    + (baselineVersion == null ? " (model " + modelVersion + " is the champion)." : "."));
        }
        requireRegistered(baseline);
        Pairs pairs = join(modelVersion, baseline, limit);
        long[][] matrix = RankStatistics.bandMatrix(pairs.baselineBands, pairs.modelBands);
        Map<RiskBand, Map<RiskBand, Long>> bandMatrix = new EnumMap<>(RiskBand.class);
        for (RiskBand b : RiskBand.values()) {
            Map<RiskBand, Long> row = new EnumMap<>(RiskBand.class);
            for (RiskBand m : RiskBand.values()) {
                row.put(m, matrix[b.ordinal()][m.ordinal()]);
            }
            bandMatrix.put(b, row);
        }
        OptionalDouble agreement = RankStatistics.agreement(matrix);
        OptionalDouble spearman = RankStatistics.spearman(Arrays.copyOf(pairs.baselineScores, pairs.size),
                Arrays.copyOf(pairs.modelScores, pairs.size));
        return new ComparisonReport(modelVersion, baseline, baseline.equals(champion), pairs.size,
                agreement.isPresent() ? agreement.getAsDouble() : null, bandMatrix,
                spearman.isPresent() ? spearman.getAsDouble() : null, pairs.changeCount, limit, pairs.changes);
    }

    private void requireRegistered(String version) {
        if (registry.find(version).isEmpty()) {
            throw new ModelNotFoundException("No model with version " + version + " is registered.");
        }
    }

    private Pairs join(String model, String baseline, int limit) {
        Pairs pairs = new Pairs(limit);
        Iterator<ShadowScore> m = scores.scores(model);
        Iterator<ShadowScore> b = scores.scores(baseline);
        ShadowScore nm = m.hasNext() ? m.next() : null;
        ShadowScore nb = b.hasNext() ? b.next() : null;
        while (nm != null || nb != null) {
            int order = nm == null ? 1 : nb == null ? -1 : nm.pairKey().compareTo(nb.pairKey());
            if (order == 0) {
                pairs.add(nm.applicationId(), nb.riskScore(), nb.riskBand(), nm.riskScore(), nm.riskBand());
            } else if (order < 0 && nm.primaryModelVersion().equals(baseline)) {
                pairs.add(nm.applicationId(), nm.primaryRiskScore(), nm.primaryRiskBand(), nm.riskScore(), nm.riskBand());
            } else if (order > 0 && nb.primaryModelVersion().equals(model)) {
                pairs.add(nb.applicationId(), nb.riskScore(), nb.riskBand(), nb.primaryRiskScore(), nb.primaryRiskBand());
            }
            if (order <= 0) {
                nm = m.hasNext() ? m.next() : null;
            }
            if (order >= 0) {
                nb = b.hasNext() ? b.next() : null;
            }
        }
        return pairs;
    }

    /** The pairs found so far: scores and bands in growable arrays, and the first band changes. */
    private static final class Pairs {
        private final int limit;
        private double[] baselineScores = new double[64];
        private double[] modelScores = new double[64];
        private final List<RiskBand> baselineBands = new ArrayList<>();
        private final List<RiskBand> modelBands = new ArrayList<>();
        private final List<BandChange> changes = new ArrayList<>();
        private int size;
        private long changeCount;

        Pairs(int limit) {
            this.limit = limit;
        }

        void add(String applicationId, double baselineScore, RiskBand baselineBand, double modelScore,
                 RiskBand modelBand) {
            if (size == baselineScores.length) {
                baselineScores = Arrays.copyOf(baselineScores, size * 2);
                modelScores = Arrays.copyOf(modelScores, size * 2);
            }
            baselineScores[size] = baselineScore;
            modelScores[size] = modelScore;
            size++;
            baselineBands.add(baselineBand);
            modelBands.add(modelBand);
            if (baselineBand != modelBand) {
                changeCount++;
                if (changes.size() < limit) {
                    changes.add(new BandChange(applicationId, baselineBand, modelBand, baselineScore, modelScore));
                }
            }
        }
    }
}
