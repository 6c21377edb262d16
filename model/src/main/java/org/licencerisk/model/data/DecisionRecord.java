package org.licencerisk.model.data;

import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.features.RawRecord;

import java.time.Instant;
import java.util.Objects;

/**
 * One historical decision: the application's raw feature values and what was decided.
 * <p>
 * A drift report of the live system also compares applications that no officer has decided yet: such a record has
 * the outcome {@value #UNDECIDED}, no label, and the time it was scored as its time ({@link #undecided}). Loaders of
 * historical data never produce it, so training never sees one (it has no label).
 *
 * @param id          the application id
 * @param decidedAt   when the decision was taken; the time axis of every split (for an undecided record: when it
 *                    was scored)
 * @param outcome     the outcome as the source wrote it (e.g. {@code REFUSED}, or a CSV's own wording), or
 *                    {@value #UNDECIDED}
 * @param refused     the label: {@code true} refused, {@code false} approved, {@code null} not a label
 * @param raw         the raw feature values
 * @param application the full application when the source carries it (JSON Lines), else {@code null}
 */
public record DecisionRecord(String id, Instant decidedAt, String outcome, Boolean refused, RawRecord raw,
                             LicenceApplication application) {

    /** The outcome of an application no officer has decided yet (only in recent periods of drift reports). */
    public static final String UNDECIDED = "UNDECIDED";

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

    /** Returns whether an officer has decided the application, whatever the outcome (false for {@link #undecided}). */
    public boolean decided() {
        return !UNDECIDED.equals(outcome);
    }

    /**
     * Returns the record of an application no officer has decided yet: outcome {@value #UNDECIDED}, no label, no
     * application content.
     *
     * @param scoredAt when it was scored; stands in for the decision time in time order
     */
    public static DecisionRecord undecided(String id, Instant scoredAt, RawRecord raw) {
        return new DecisionRecord(id, scoredAt, UNDECIDED, null, raw, null);
    }
}
