package org.licencerisk.functions.matches;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A consultation of the state that denied an essentially identical transaction, opened when an officer confirms the
 * match (schema {@code Consultation}).
 *
 * @param denialId       the denial
 * @param notifyingState the state consulted
 * @param openedOn       when it was opened
 * @param replyDue       when the reply is due
 * @param status         OPEN until closed (the match dismissed) or overridden by a decision to grant
 * @param overriddenBy   who granted anyway, or {@code null}
 * @param overrideReason why, or {@code null}; confidential, never logged
 * @param overriddenAt   when, or {@code null}
 */
public record Consultation(String denialId, String notifyingState, LocalDate openedOn, LocalDate replyDue,
                           Status status, String overriddenBy, String overrideReason, Instant overriddenAt) {

    /** The state of a consultation. */
    public enum Status {
        OPEN, CLOSED, OVERRIDDEN
    }

    /** Whether it blocks a grant. */
    public boolean open() {
        return status == Status.OPEN;
    }
}
