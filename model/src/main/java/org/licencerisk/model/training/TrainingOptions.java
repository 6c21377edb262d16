package org.licencerisk.model.training;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable training configuration. Build it with {@link #builder(TrainerKind)} (or change one setting of an
 * existing configuration with its {@code with…} methods); the defaults are {@link #defaults(TrainerKind)}'s.
 *
 * @param trainer          the model family
 * @param seed             the random seed; the same data and seed give the same model
 * @param splitDate        decisions from this instant on form the test period; {@code null} when an explicit test
 *                         set is given, or to use the default (the newest 20% of labelled decisions)
 * @param validationShare  the share of the training period's labelled decisions, the newest, on which settings are
 *                         chosen and the calibration is fitted (the weights are then fitted again on all of them)
 * @param highShare        the share of training-period applications band HIGH is chosen to hold
 * @param mediumShare      the share of training-period applications at or above band MEDIUM
 * @param epochs           passes over the data (logistic)
 * @param learningRate     the initial learning rate of AdaGrad (logistic)
 * @param l2               the L2 regularisation strength (logistic; 0 for none)
 * @param trees            number of trees (XGBoost)
 * @param maxDepth         tree depth (XGBoost)
 * @param eta              shrinkage (XGBoost)
 * @param halfLifeDays     recency weighting: a decision this many days older than the newest weighs half as much;
 *                         0 weighs every decision the same
 * @param crosses          whether the feature crosses (declared, or proposed for a narrow decision log) are used
 * @param tune             whether the settings are chosen on the validation period among {@link ModelTuning}'s
 *                         candidates rather than taken as given
 */
public record TrainingOptions(TrainerKind trainer, long seed, Instant splitDate, double validationShare,
                              double highShare, double mediumShare, int epochs, double learningRate, double l2,
                              int trees, int maxDepth, double eta, double halfLifeDays, boolean crosses,
                              boolean tune) {

    /** The default seed. */
    public static final long DEFAULT_SEED = 42L;

    public TrainingOptions {
        Objects.requireNonNull(trainer, "trainer");
        if (!(validationShare > 0 && validationShare < 0.5)) {
            throw new IllegalArgumentException("The validation share must be above 0 and below 0.5, found "
                    + validationShare + ".");
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
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("The L2 regularisation must be zero or a finite positive number, found "
                    + l2 + ".");
        }
        if (!(halfLifeDays >= 0) || Double.isInfinite(halfLifeDays)) {
            throw new IllegalArgumentException("The recency half-life must be zero (no recency weighting) or a finite "
                    + "number of days, found " + halfLifeDays + ".");
        }
    }

    /**
     * Returns the defaults for a trainer: settings chosen on the validation period ({@code tune}), HIGH = top 10%,
     * MEDIUM = next 20%, validation and calibration on the newest 20% of the training period.
     */
    public static TrainingOptions defaults(TrainerKind trainer) {
        return builder(trainer).build();
    }

    /** Returns a builder holding the defaults of a trainer. */
    public static Builder builder(TrainerKind trainer) {
        return new Builder(trainer);
    }

    /** Returns a builder holding these options. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public TrainingOptions withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    public TrainingOptions withSplitDate(Instant newSplitDate) {
        return toBuilder().splitDate(newSplitDate).build();
    }

    public TrainingOptions withTune(boolean newTune) {
        return toBuilder().tune(newTune).build();
    }

    /** Returns the settings of the chosen trainer, as recorded in the manifest. */
    public Map<String, String> hyperparameters() {
        Map<String, String> h = new LinkedHashMap<>(settings());
        h.put("classWeighting", "balanced");
        h.put("calibration", "Platt scaling on the newest " + Math.round(validationShare * 100)
                + "% of the training period (the validation period); weights then refitted on the whole period");
        h.put("highShare", Double.toString(highShare));
        h.put("mediumShare", Double.toString(mediumShare));
        return h;
    }

    /** Returns the settings a tuning candidate differs in, as text. */
    public Map<String, String> settings() {
        Map<String, String> h = new LinkedHashMap<>();
        if (trainer == TrainerKind.LOGISTIC) {
            h.put("loss", "log");
            h.put("optimiser", "AdaGrad with L2 weight decay");
            h.put("learningRate", Double.toString(learningRate));
            h.put("l2", Double.toString(l2));
            h.put("epochs", Integer.toString(epochs));
        } else {
            h.put("trees", Integer.toString(trees));
            h.put("maxDepth", Integer.toString(maxDepth));
            h.put("eta", Double.toString(eta));
            h.put("threads", "1");
        }
        h.put("halfLifeDays", halfLifeDays == 0 ? "none" : String.format(Locale.ROOT, "%.0f", halfLifeDays));
        h.put("crosses", crosses ? "on" : "off");
        return h;
    }

    /** Builds {@link TrainingOptions} by named settings. Not thread-safe. */
    public static final class Builder {
        private TrainerKind trainer;
        private long seed = DEFAULT_SEED;
        private Instant splitDate;
        private double validationShare = 1.0 / 3;
        private double highShare = 0.10;
        private double mediumShare = 0.30;
        private int epochs = 15;
        private double learningRate = 0.1;
        private double l2 = 1.0;
        private int trees = 200;
        private int maxDepth = 4;
        private double eta = 0.1;
        private double halfLifeDays = 365;
        private boolean crosses = true;
        private boolean tune = true;

        private Builder(TrainerKind trainer) {
            this.trainer = Objects.requireNonNull(trainer, "trainer");
        }

        private Builder(TrainingOptions o) {
            trainer = o.trainer;
            seed = o.seed;
            splitDate = o.splitDate;
            validationShare = o.validationShare;
            highShare = o.highShare;
            mediumShare = o.mediumShare;
            epochs = o.epochs;
            learningRate = o.learningRate;
            l2 = o.l2;
            trees = o.trees;
            maxDepth = o.maxDepth;
            eta = o.eta;
            halfLifeDays = o.halfLifeDays;
            crosses = o.crosses;
            tune = o.tune;
        }

        public Builder trainer(TrainerKind value) {
            trainer = Objects.requireNonNull(value, "trainer");
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder splitDate(Instant value) {
            splitDate = value;
            return this;
        }

        public Builder validationShare(double value) {
            validationShare = value;
            return this;
        }

        public Builder bandShares(double high, double medium) {
            highShare = high;
            mediumShare = medium;
            return this;
        }

        public Builder epochs(int value) {
            epochs = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder l2(double value) {
            l2 = value;
            return this;
        }

        public Builder trees(int value) {
            trees = value;
            return this;
        }

        public Builder maxDepth(int value) {
            maxDepth = value;
            return this;
        }

        public Builder eta(double value) {
            eta = value;
            return this;
        }

        public Builder halfLifeDays(double value) {
            halfLifeDays = value;
            return this;
        }

        public Builder crosses(boolean value) {
            crosses = value;
            return this;
        }

        public Builder tune(boolean value) {
            tune = value;
            return this;
        }

        /** @throws IllegalArgumentException if a setting is out of range */
        public TrainingOptions build() {
            return new TrainingOptions(trainer, seed, splitDate, validationShare, highShare, mediumShare, epochs,
                    learningRate, l2, trees, maxDepth, eta, halfLifeDays, crosses, tune);
        }
    }
}
