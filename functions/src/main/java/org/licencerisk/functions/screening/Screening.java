package org.licencerisk.functions.screening;

import org.licencerisk.screening.DenialMatch;

import java.util.List;

/**
 * What screening found for one score: the register version it was screened against and the matches, strongest first.
 *
 * @param registerVersion the register version, or {@code null} when the application was not screened (screening
 *                        off, or a score stored before screening existed)
 * @param matches         the matches, strongest first; empty when none
 */
public record Screening(String registerVersion, List<DenialMatch> matches) {

    /** Not screened. */
    public static final Screening NONE = new Screening(null, List.of());

    public Screening {
        matches = matches == null ? List.of() : List.copyOf(matches);
    }
}
