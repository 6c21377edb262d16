package org.licencerisk.model.artifact;

import java.util.Map;

/**
 * One setting tried while choosing a model, with its figures on the validation period (inside the training period).
 *
 * @param settings         the settings, as recorded in the manifest's hyperparameters
 * @param averagePrecision validation average precision
 * @param rocAuc           validation ROC-AUC
 * @param recallAtTop10    validation share of refusals in the top 10%
 * @param logLoss          validation log loss of the calibrated scores
 */
public record SelectionCandidate(Map<String, String> settings, double averagePrecision, double rocAuc,
                                 double recallAtTop10, double logLoss) {

    public SelectionCandidate {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
    }
}
