package org.licencerisk.model.training;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable training configuration.
 *
 * @param trainer          the model family
 * @param seed             the random seed; the same data and seed give the same model
 * @param splitDate        decisions from this instant on form the test period; {@code null} when an explicit test
 *                         set is given, or to use the default (the newest 20% of labelled decisions' time span)
 * @param calibrationShare the share of the training period's labelled decisions, the newest, kept apart to fit
 *                         the calibration on
 * @param highShare        the share of training-period applications band HIGH is chosen to hold
 * @param mediumShare      the share of training-period applications at or above band MEDIUM
 * @param epochs           SGD epochs (logistic)
 * @param learningRate     AdaGrad's initial learning rate (logistic)
 * @param trees            number of trees (XGBoost)
 * @param maxDepth         tree depth (XGBoost)
 * @param eta              shrinkage (XGBoost)
 */
public record TrainingOptions(TrainerKind trainer, long seed, Instant splitDate, double calibrationShare,
                              double highShare, double mediumShare, int epochs, double learningRate, int trees,
                              int maxDepth, double eta) {

    /** The default seed. */
    public static final long DEFAULT_SEED = 42L;

    public TrainingOptions {
        Objects.requireNonNull(trainer, "trainer");
        if (!(calibrationShare > 0 && calibrationShare < 0.5)) {
            throw new IllegalArgumentException("The calibration share must be above 0 and below 0.5, found " + calibrationShare + ".");
        }
        if (!(highShare > 0 && highShare <= mediumShare && mediumShare < 1)) {
            throw new IllegalArgumentException("Band shares must satisfy 0 < high <= medium < 1, found high="
                    + highShare + " and medium=" + mediumShare + ".");
        }
        if (epochs < 1 || trees < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("Epochs, trees and depth must be at least 1, found " + epochs + ", "
                    + trees + " and " + maxDepth + ".");
        }
        if (!(learningRate > 0) || !(eta > 0 && eta <= 1)) {
            throw new IllegalArgumentException("The learning rate must be positive and eta in (0, 1], found "
                    + learningRate + " and " + eta + ".");
        }
    }

    /** Returns the defaults for a trainer: HIGH = top 10%, MEDIUM = next 20%, calibration on the newest 20%. */
    public static TrainingOptions defaults(TrainerKind trainer) {
        return new TrainingOptions(trainer, DEFAULT_SEED, null, 0.2, 0.10, 0.30, 20, 0.02, 200, 4, 0.1);
    }

    public TrainingOptions withSeed(long newSeed) {
        return new TrainingOptions(trainer, newSeed, splitDate, calibrationShare, highShare, mediumShare, epochs,
                learningRate, trees, maxDepth, eta);
    }

    public TrainingOptions withSplitDate(Instant newSplitDate) {
        return new TrainingOptions(trainer, seed, newSplitDate, calibrationShare, highShare, mediumShare, epochs,
                learningRate, trees, maxDepth, eta);
    }

    /** Returns the hyperparameters of the chosen trainer, as recorded in the manifest. */
    public Map<String, String> hyperparameters() {
        Map<String, String> h = new LinkedHashMap<>();
        if (trainer == TrainerKind.LOGISTIC) {
            h.put("loss", "log");
            h.put("optimiser", "AdaGrad");
            h.put("learningRate", Double.toString(learningRate));
            h.put("epochs", Integer.toString(epochs));
        } else {
            h.put("trees", Integer.toString(trees));
            h.put("maxDepth", Integer.toString(maxDepth));
            h.put("eta", Double.toString(eta));
            h.put("threads", "1");
        }
        h.put("classWeighting", "balanced");
        h.put("calibration", "Platt scaling on the newest " + Math.round(calibrationShare * 100) + "% of the training period");
        h.put("highShare", Double.toString(highShare));
        h.put("mediumShare", Double.toString(mediumShare));
        return h;
    }
}
