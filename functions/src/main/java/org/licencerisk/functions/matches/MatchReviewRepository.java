package org.licencerisk.functions.matches;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Reviews and consultations, stored with the application's case. Thread-safe. */
public interface MatchReviewRepository {

    /** Stores a review unless its sequence is taken; returns whether it stored it. */
    boolean insert(MatchReview review);

    /** Every review of an application, by denial then sequence. */
    List<MatchReview> reviews(String applicationId);

    /** Opens a consultation unless one exists for the denial; returns the one in place. */
    Consultation open(String applicationId, Consultation consultation);

    /** Sets the status of an open consultation (closing or overriding it); returns whether it changed. */
    boolean settle(String applicationId, String denialId, Consultation.Status status, String by, String reason,
                   Instant at);

    /** The consultation of one denial, if any. */
    Optional<Consultation> consultation(String applicationId, String denialId);

    /** Every consultation of an application. */
    List<Consultation> consultations(String applicationId);
}
