package org.licencerisk.model.artifact;

import java.time.Instant;
import java.util.List;

/**
 * How a model's settings were chosen: every candidate tried, fitted on the older part of the training period and
 * measured on its newest part (the validation period), and the one chosen. Nothing of the test period is seen.
 *
 * @param criterion        what the choice maximised, in words
 * @param validationFrom   the first decision of the validation period
 * @param validationTo     the last decision of the validation period
 * @param fitRows          labelled decisions the candidates were fitted on
 * @param validationRows   labelled decisions they were measured on
 * @param candidates       every candidate, in the order tried
 * @param chosen           the index of the chosen candidate
 * @param refitRows        labelled decisions the chosen settings were fitted on again (the whole training period)
 */
public record ModelSelection(String criterion, Instant validationFrom, Instant validationTo, int fitRows,
                             int validationRows, List<SelectionCandidate> candidates, int chosen, int refitRows) {

    public ModelSelection {
        candidates = List.copyOf(candidates);
        if (chosen < 0 || chosen >= candidates.size()) {
            throw new IllegalArgumentException("The chosen candidate " + chosen + " is not among the "
                    + candidates.size() + " candidates.");
        }
    }

    /** Returns the chosen candidate. */
    public SelectionCandidate choice() {
        return candidates.get(chosen);
    }
}
