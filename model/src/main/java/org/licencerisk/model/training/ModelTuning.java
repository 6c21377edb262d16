package org.licencerisk.model.training;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings tried when training chooses its own (the {@code tune} option): a small grid a data scientist would
 * search first, every point fitted on the older part of the training period and measured on its newest part.
 * <ul>
 *     <li>logistic: L2 strength × recency half-life × crosses on/off;</li>
 *     <li>XGBoost: depth × (trees, learning rate) × recency half-life × crosses on/off.</li>
 * </ul>
 * Crosses are tried only when the feature definition has (or proposes) some. The order is fixed, so tuning is
 * deterministic for a seed.
 */
public final class ModelTuning {

    /** L2 strengths tried for the logistic model. */
    public static final List<Double> L2 = List.of(0.0, 0.3, 1.0, 3.0);
    /** Recency half-lives tried, in days (0: none). */
    public static final List<Double> HALF_LIVES = List.of(0.0, 365.0, 730.0);
    /** XGBoost tree depths tried. */
    public static final List<Integer> DEPTHS = List.of(3, 5);
    /** XGBoost (trees, learning rate) pairs tried: fewer, bolder trees or more, smaller steps. */
    public static final List<double[]> TREES_AND_ETAS = List.of(new double[]{100, 0.1}, new double[]{300, 0.05});
    /** Recency half-lives tried for XGBoost, in days (0: none). */
    public static final List<Double> XGBOOST_HALF_LIVES = List.of(0.0, 730.0);

    private ModelTuning() {
    }

    /**
     * Returns the candidates: {@code base} alone when it does not tune, else the grid around it.
     *
     * @param base               the options; everything not searched is kept
     * @param crossesAvailable   whether the feature definition has crosses to switch on
     */
    public static List<TrainingOptions> candidates(TrainingOptions base, boolean crossesAvailable) {
        if (!base.tune()) {
            return List.of(base.toBuilder().crosses(base.crosses() && crossesAvailable).build());
        }
        List<Boolean> crossChoices = crossesAvailable ? List.of(false, true) : List.of(false);
        List<TrainingOptions> out = new ArrayList<>();
        for (boolean crosses : crossChoices) {
            if (base.trainer() == TrainerKind.LOGISTIC) {
                for (double halfLife : HALF_LIVES) {
                    for (double l2 : L2) {
                        out.add(base.toBuilder().crosses(crosses).halfLifeDays(halfLife).l2(l2).build());
                    }
                }
            } else {
                for (double halfLife : XGBOOST_HALF_LIVES) {
                    for (int depth : DEPTHS) {
                        for (double[] treesAndEta : TREES_AND_ETAS) {
                            out.add(base.toBuilder().crosses(crosses).halfLifeDays(halfLife).maxDepth(depth)
                                    .trees((int) treesAndEta[0]).eta(treesAndEta[1]).build());
                        }
                    }
                }
            }
        }
        return out;
    }
}
