package org.licencerisk.functions.retraining;

import org.licencerisk.model.training.TrainerKind;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * What to retrain.
 *
 * @param trainer   the challenger's trainer
 * @param seed      the training seed
 * @param splitDate the first decision time of the held-out period, or {@code null} for the newest 20% of labelled
 *                  decisions
 * @param actor     who asked for the retraining (recorded as who registered the challenger)
 * @param exportId  a completed export of the export function to train on, or {@code null} to export in process
 */
public record RetrainingRequest(TrainerKind trainer, long seed, Instant splitDate, String actor, String exportId) {

    /** A retraining that exports in process. */
    public RetrainingRequest(TrainerKind trainer, long seed, Instant splitDate, String actor) {
        this(trainer, seed, splitDate, actor, null);
    }

    public RetrainingRequest {
        Objects.requireNonNull(trainer, "trainer");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("A retraining needs the name of who asked for it.");
        }
    }

    /**
     * Reads a split date given as {@code YYYY-MM-DD}: the held-out period starts at its midnight UTC.
     *
     * @throws IllegalArgumentException when it is not such a date
     */
    public static Instant splitDate(String text) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The split date must be a date such as 2026-06-01, found '" + text
                    + "'.", e);
        }
    }

    /**
     * Reads a seed.
     *
     * @throws IllegalArgumentException when it is not a whole number
     */
    public static long seed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The seed must be a whole number, found '" + text + "'.", e);
        }
    }
}
