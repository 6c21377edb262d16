package org.licencerisk.functions.monitoring;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * What to compare: the applications scored in {@code [since, until)} against a baseline file, with a model.
 *
 * @param since        the window's start (inclusive)
 * @param until        the window's end (exclusive), or {@code null} for now
 * @param baseline     the baseline: the model's training data (or a sample of it) in the JSON Lines format of the
 *                     training export
 * @param out          the directory that receives {@code drift.json} and {@code drift.html}
 * @param modelVersion the registered model to compare with, or {@code null} for the champion
 */
public record DriftRequest(Instant since, Instant until, Path baseline, Path out, String modelVersion) {

    public DriftRequest {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(out, "out");
        if (until != null && !since.isBefore(until)) {
            throw new IllegalArgumentException("The window must end after it starts, but --until " + until
                    + " is not after --since " + since + ".");
        }
    }

    /**
     * Reads a day given as {@code YYYY-MM-DD} as its midnight UTC.
     *
     * @param option the option's name, for the message
     * @throws IllegalArgumentException when it is not such a date
     */
    public static Instant day(String text, String option) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--" + option + " must be a date such as 2026-11-01, found '" + text
                    + "'.", e);
        }
    }
}
