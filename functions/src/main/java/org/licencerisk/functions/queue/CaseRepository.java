package org.licencerisk.functions.queue;

import org.licencerisk.functions.scores.StoredScore;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.model.scoring.RiskBand;

import java.util.Optional;
import java.util.OptionalLong;

/** The case item of each application: latest score, decision state and queue membership. Thread-safe. */
public interface CaseRepository {

    /** Reads a case with a strongly consistent read. */
    Optional<ApplicationCase> find(String applicationId);

    /**
     * Makes {@code score} the case's latest score unless a newer one is already recorded; puts the application in the
     * queue when it has no decision. Safe to repeat: applying an older or the same score changes nothing.
     *
     * @return whether the case changed
     */
    boolean advanceLatest(StoredScore score);

    /**
     * Makes {@code score} the case's latest score, as {@link #advanceLatest} does, only while the application is
     * undecided (re-screening: a decided case keeps what was shown when it was decided).
     *
     * @return whether the case changed; {@code false} when it is decided or records a newer score
     */
    default boolean advanceLatestIfUndecided(StoredScore score) {
        throw new UnsupportedOperationException("This case repository cannot advance only undecided cases.");
    }

    /**
     * Records that decision {@code revision} was made and takes the application out of the queue, unless the case
     * already records that revision or a later one. Safe to repeat.
     *
     * @return whether the case changed
     */
    boolean markDecided(String applicationId, int revision, String outcome, String decidedAt);

    /**
     * Returns a page of undecided applications, riskiest first: band HIGH, MEDIUM, LOW, then score, then id.
     *
     * @param band   only this band, or {@code null} for all
     * @param cursor the cursor of the previous page, or {@code null}
     */
    Page<QueueEntry> queue(RiskBand band, int limit, String cursor);

    /**
     * Returns a page of a scan over every case in {@code state}, in the table's (arbitrary but stable) key order, for
     * batch jobs (training export, re-scoring). A page may hold fewer than {@code limit} cases, even none, and still
     * have a next cursor: the scan reads {@code limit} items and keeps those that match. The cursor is a key, so a job
     * that saved it resumes after the last case it saw, even when cases changed meanwhile.
     *
     * @param cursor the cursor of the previous page, or {@code null} for the first
     */
    Page<ApplicationCase> scan(CaseState state, int limit, String cursor);

    /**
     * Counts the undecided applications (the queue), for progress estimates; may lag a moment behind writes. Empty when
     * a repository cannot count cheaply.
     */
    default OptionalLong countUndecided() {
        return OptionalLong.empty();
    }
}
