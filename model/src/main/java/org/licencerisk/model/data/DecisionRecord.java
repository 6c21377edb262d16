package org.licencerisk.model.data;

import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.features.RawRecord;

import java.time.Instant;
import java.util.Objects;

/**
 * One historical decision: the application's raw feature values and what was decided.
 *
 * @param id          the application id
 * @param decidedAt   when the decision was taken; the time axis of every split
 * @param outcome     the outcome as the source wrote it (e.g. {@code REFUSED}, or a CSV's own wording)
 * @param refused     the label: {@code true} refused, {@code false} approved, {@code null} not a label
 * @param raw         the raw feature values
 * @param application the full application when the source carries it (JSON Lines), else {@code null}
 */
public record DecisionRecord(String id, Instant decidedAt, String outcome, Boolean refused, RawRecord raw,
                             LicenceApplication application) {

    public DecisionRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(raw, "raw");
    }

    /** Returns whether the record is approved or refused, and so can be learned from. */
    public boolean labelled() {
        return refused != null;
    }
}
