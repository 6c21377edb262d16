package org.licencerisk.functions.decisions;

import java.util.Optional;

/**
 * What else a decision touches: the denial register (a refusal is an own denial) and open consultations of denying
 * states (which block a grant). Implementations are idempotent: a repeated decision calls them again.
 */
public interface DecisionHooks {

    /** No hooks. */
    DecisionHooks NONE = new DecisionHooks() {
    };

    /** Every hook of {@code hooks}, in order. */
    static DecisionHooks all(java.util.List<DecisionHooks> hooks) {
        return new DecisionHooks() {
            @Override
            public void beforeDecision(String applicationId, DecisionOutcome outcome, String override, String subject) {
                hooks.forEach(h -> h.beforeDecision(applicationId, outcome, override, subject));
            }

            @Override
            public void afterDecision(OfficerDecision decision, Optional<OfficerDecision> previous) {
                hooks.forEach(h -> h.afterDecision(decision, previous));
            }
        };
    }

    /**
     * Checks a decision before it is stored.
     *
     * @param override the request's consultation override reason, or {@code null}
     * @param subject  the token's subject
     * @throws org.licencerisk.functions.errors.ConflictException when a grant meets an open consultation without override
     */
    default void beforeDecision(String applicationId, DecisionOutcome outcome, String override, String subject) {
    }

    /**
     * Follows a stored decision.
     *
     * @param decision the decision in force
     * @param previous the decision it replaced, if any
     */
    default void afterDecision(OfficerDecision decision, Optional<OfficerDecision> previous) {
    }
}
