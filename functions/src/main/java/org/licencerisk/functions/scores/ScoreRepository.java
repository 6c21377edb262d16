package org.licencerisk.functions.scores;

import org.licencerisk.functions.storage.Page;

import java.util.Optional;

/** Stores and reads the scores of applications. Implementations are thread-safe. */
public interface ScoreRepository {

    /**
     * Stores a score, with the content of the application it scored (for the training export; never returned by the
     * API), unless a score with the same id exists for the application (a conditional put).
     *
     * @param applicationJson the parsed application as JSON
     * @return empty when this call stored it; otherwise the score already stored, which is left unchanged
     */
    Optional<StoredScore> insertIfAbsent(StoredScore score, String applicationJson);

    /** Reads one score with a strongly consistent read. */
    Optional<StoredScore> find(String applicationId, String scoreId);

    /** Returns the newest score of an application. */
    Optional<StoredScore> latest(String applicationId);

    /**
     * Returns a page of an application's scores, newest first.
     *
     * @param cursor the cursor of a previous page, or {@code null} for the first
     */
    Page<StoredScore> history(String applicationId, int limit, String cursor);
}
