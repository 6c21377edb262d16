package org.licencerisk.functions.denials;

import org.licencerisk.functions.storage.Page;
import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialStatus;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The denial register's storage: current versions, every earlier version, and the register's version. Thread-safe. */
public interface DenialRepository {

    /** The current version of a denial, read consistently. */
    Optional<StoredDenial> find(String denialId);

    /** Every version of a denial, oldest first. */
    List<StoredDenial> history(String denialId);

    /**
     * Stores {@code next} as the denial's next version, unless another writer took that version first.
     *
     * @return whether this call stored it
     */
    boolean insertVersion(StoredDenial next);

    /**
     * Makes {@code stored} the current version unless a later one is current; safe to repeat.
     */
    void advanceCurrent(StoredDenial stored);

    /**
     * Counts one more change of the register and returns the new register version; the scoring functions follow it.
     */
    long recordChange(Instant at);

    /** The register version: how many changes it has seen (0 for an empty register). */
    long registerVersion();

    /**
     * A page of current denials, by notifying state then id.
     *
     * @param status         only this status, or {@code null} for both (VALID first)
     * @param notifyingState only this notifying state, or {@code null}
     */
    Page<StoredDenial> list(DenialStatus status, String notifyingState, int limit, String cursor);

    /** Every current valid denial, for building a screener (off the request path); revoked ones never count. */
    List<Denial> validDenials();
}
