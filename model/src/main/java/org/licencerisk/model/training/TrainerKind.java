package org.licencerisk.model.training;

import java.util.Arrays;
import java.util.Locale;

/** The model families this module trains. */
public enum TrainerKind {
    /** Logistic regression by stochastic gradient descent (Tribuo {@code LinearSGDTrainer}, log loss, AdaGrad). */
    LOGISTIC,
    /** Gradient-boosted trees (Tribuo {@code XGBoostClassificationTrainer}). */
    XGBOOST;

    /** Returns the lower-case name used on the command line and in manifests. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a command-line name. */
    public static TrainerKind fromId(String id) {
        for (TrainerKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("Unknown trainer '" + id + "'; expected one of "
                + Arrays.stream(values()).map(TrainerKind::id).toList() + ".");
    }
}
