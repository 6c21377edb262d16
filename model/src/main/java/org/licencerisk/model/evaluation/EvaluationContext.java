package org.licencerisk.model.evaluation;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an evaluation was run on, shown in the header of {@code report.html} and stored in {@code metrics.json}.
 * Holds no application contents: only identifiers, a period and counts.
 *
 * @param modelVersion  the model's version id
 * @param trainer       the trainer's name, e.g. {@code logistic} or {@code xgboost}
 * @param period        a description of the labelled test period, e.g. {@code 2025-01-01 to 2025-06-30}
 * @param outcomeCounts every outcome in the period, including those not learned from
 */
public record EvaluationContext(String modelVersion, String trainer, String period,
                                Map<String, Integer> outcomeCounts) {

    public EvaluationContext {
        requireText(modelVersion, "model version");
        requireText(trainer, "trainer");
        requireText(period, "test period description");
        if (outcomeCounts == null) {
            throw new IllegalArgumentException("An evaluation context needs the outcome counts, found none.");
        }
        for (Map.Entry<String, Integer> e : outcomeCounts.entrySet()) {
            if (e.getKey() == null || e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException("Outcome counts must map outcome names to counts of zero or more,"
                        + " found " + e.getKey() + "=" + e.getValue() + ".");
            }
        }
        outcomeCounts = Collections.unmodifiableMap(new TreeMap<>(outcomeCounts));
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("An evaluation context needs a " + what + ", found "
                    + (value == null ? "none" : "a blank one") + ".");
        }
    }
}
