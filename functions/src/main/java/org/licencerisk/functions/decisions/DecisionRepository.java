package org.licencerisk.functions.decisions;

import java.util.Optional;

/** Stores every revision of every decision. Thread-safe. */
public interface DecisionRepository {

    /**
     * Stores a decision unless its revision exists for the application (a conditional put).
     *
     * @return whether this call stored it
     */
    boolean insertIfAbsent(OfficerDecision decision);

    /** Reads one revision with a strongly consistent read. */
    Optional<OfficerDecision> find(String applicationId, int revision);
}
