package org.licencerisk.screening;

import java.time.LocalDate;
import java.util.List;

/**
 * Screens an application against one version of the denial register, in memory.
 * <p>
 * Implementations are immutable and thread-safe; a new register version means a new screener, built off the
 * request path.
 */
public interface DenialScreener {

    /**
     * The denials this application matches, strongest first; an empty list when none.
     *
     * @param subject what is screened of the application
     * @param day     the day of the screening: only denials that count on it are matched
     * @return the matches, strongest first
     */
    List<DenialMatch> screen(ScreeningSubject subject, LocalDate day);

    /**
     * The version of the register this screener was built from, recorded with every score.
     *
     * @return the register version
     */
    String registerVersion();
}
