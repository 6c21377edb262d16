package org.licencerisk.functions.denials;

import java.util.List;

/**
 * What a bulk import did: counts and, for each rejected row, its line and the fields at fault (never the content).
 *
 * @param accepted  rows stored as a new denial or a new version
 * @param unchanged rows whose content was already current
 * @param rejected  rows refused, with their problems
 */
public record ImportReport(int accepted, int unchanged, List<RejectedRow> rejected) {

    public ImportReport {
        rejected = List.copyOf(rejected);
    }

    /**
     * A refused row.
     *
     * @param line    the row's (first) line in the file, from 1
     * @param field   the field at fault, e.g. {@code parties[0].country}, or {@code $} for the row as a whole
     * @param message what is wrong with it, in general terms
     */
    public record RejectedRow(long line, String field, String message) {
    }
}
