package org.licencerisk.model.monitoring;

import org.licencerisk.model.features.FeatureKind;

import java.util.List;

/**
 * The drift of one feature between the baseline and the recent period.
 *
 * @param name   the feature's name, as in the model's feature definition
 * @param kind   how the feature was binned: by level (categorical, multi-valued), true/false, or baseline deciles
 * @param psi    the population stability index
 * @param status the reading of the index
 * @param bins   the bins, those empty in both periods left out
 */
public record FeatureDrift(String name, FeatureKind kind, double psi, DriftStatus status, List<DriftBin> bins) {

    public FeatureDrift {
        bins = List.copyOf(bins);
    }
}
