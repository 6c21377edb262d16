package org.licencerisk.model.scoring;

import org.licencerisk.model.features.EncodedFeatures;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.common.xgboost.XGBoostModel;

/**
 * A trained model seen as what scoring needs: the raw log-odds of refusal of an application and each
 * feature's exact share of it. Training computes calibration inputs through the same object, so training and
 * scoring cannot disagree. Implementations are immutable and thread-safe.
 */
public interface LogOddsModel {

    /**
     * Returns the raw (uncalibrated) log-odds of refusal and writes each present feature's exact contribution to
     * it into {@code contributions} (same order as {@code features}), and at index {@code features.size()} the rest:
     * the bias, plus for tree models the contributions of absent features. The entries sum to the log-odds.
     *
     * @param features      the encoded features
     * @param contributions an array at least {@code features.size() + 1} long, or {@code null} when not wanted
     * @return the log-odds
     */
    double explain(EncodedFeatures features, double[] contributions);

    /** Returns the log-odds without contributions. */
    default double logOdds(EncodedFeatures features) {
        return explain(features, null);
    }

    /**
     * Wraps a Tribuo model.
     *
     * @throws IllegalArgumentException if the model is neither a linear SGD model nor an XGBoost model, or its
     *                                  labels are not {@code APPROVED} and {@code REFUSED}
     */
    static LogOddsModel of(Model<Label> model) {
        if (model instanceof LinearSGDModel linear) {
            return new LinearLogOdds(linear);
        }
        if (model instanceof XGBoostModel<Label> trees) {
            return new XGBoostLogOdds(trees);
        }
        throw new IllegalArgumentException("Models of type " + model.getClass().getSimpleName()
                + " are not supported; train a logistic or an XGBoost model.");
    }
}
