package org.licencerisk.model.monitoring;

import java.time.Instant;
import java.util.Map;

/**
 * One side of a drift comparison: which decisions it holds and where they came from.
 *
 * @param firstDecision  the oldest decision's time; {@code null} when no application of the period is decided
 * @param lastDecision   the newest decision's time; {@code null} when no application of the period is decided
 * @param applications   every application in the period, whatever its outcome, undecided ones included
 * @param labelled       approved or refused ones
 * @param refusals       refused ones
 * @param outcomeCounts  applications per outcome ({@code UNDECIDED}: not decided yet, see
 *                       {@link org.licencerisk.model.data.DecisionRecord#UNDECIDED})
 * @param sourceSha256   SHA-256 of the data file
 */
public record DriftPeriod(Instant firstDecision, Instant lastDecision, int applications, int labelled, int refusals,
                          Map<String, Integer> outcomeCounts, String sourceSha256) {

    public DriftPeriod {
        outcomeCounts = Map.copyOf(outcomeCounts);
    }
}
