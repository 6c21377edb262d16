package org.licencerisk.model.data;

import java.util.Optional;

/** What the authority decided on an application. Only approved and refused are labels for the refusal model. */
public enum Outcome {
    APPROVED,
    APPROVED_WITH_CONDITIONS,
    REFUSED,
    WITHDRAWN,
    NO_LICENCE_REQUIRED;

    /**
     * Returns the label for the refusal-risk model: {@code true} for refused, {@code false} for approved, and
     * empty for every other outcome. Approvals with provisos, withdrawals and "no licence required" returns are
     * kept and counted but not learned from (shared/domain.md: only approved vs refused are labels).
     */
    public Optional<Boolean> refusalLabel() {
        return switch (this) {
            case REFUSED -> Optional.of(Boolean.TRUE);
            case APPROVED -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }
}
