package org.licencerisk.functions.screening;

import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.scoring.RiskScore;
import org.licencerisk.screening.ScreeningSubject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Screens an application with the register a function follows and ties the result into its score. Thread-safe.
 */
public interface ApplicationScreening {

    /** Screening off: nothing screened, nothing recorded. */
    ApplicationScreening NONE = (application, score) -> new Screened(score, Screening.NONE);

    /**
     * Screens {@code application} and returns the model's score with the denial red flags, and what was found.
     */
    Screened screen(LicenceApplication application, RiskScore score);

    /**
     * A score with its screening.
     *
     * @param score     the model's score with the denial red flags in place
     * @param screening the register version and the matches
     */
    record Screened(RiskScore score, Screening screening) {
    }

    /** Screening with the register {@code follower} holds now, on the day {@code clock} says (UTC). */
    static ApplicationScreening following(RegisterFollower follower, Clock clock) {
        return (application, score) -> with(follower.current(), application, score, LocalDate.ofInstant(clock.instant(),
                ZoneOffset.UTC));
    }

    /** Screening with one loaded register on one day. */
    static Screened with(RegisterFollower.Loaded register, LicenceApplication application, RiskScore score,
                         LocalDate day) {
        var matches = register.screener().screen(ScreeningSubject.of(application), day);
        return new Screened(DenialFlags.apply(score, matches, register.denials()),
                new Screening(register.label(), matches));
    }
}
