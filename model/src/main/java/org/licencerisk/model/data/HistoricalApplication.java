package org.licencerisk.model.data;

import org.licencerisk.model.application.LicenceApplication;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of the native historical format: an application, exactly as the API receives it, with the
 * authority's decision on it.
 * <p>
 * Its JSON Lines form is the application's JSON object plus two top-level fields, {@code outcome} (an
 * {@link Outcome} name) and {@code decidedAt} (an ISO-8601 instant). See {@link JsonLinesDecisionWriter} and
 * {@link JsonLinesDecisionLoader}.
 *
 * @param application the application as submitted
 * @param outcome     what was decided
 * @param decidedAt   when it was decided
 */
public record HistoricalApplication(LicenceApplication application, Outcome outcome, Instant decidedAt) {

    public HistoricalApplication {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decidedAt, "decidedAt");
    }
}
