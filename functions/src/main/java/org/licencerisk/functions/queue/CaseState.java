package org.licencerisk.functions.queue;

/** Whether an officer has decided an application; selects the cases of a {@link CaseRepository#scan}. */
public enum CaseState {
    /** A decision is recorded (any revision). */
    DECIDED,
    /** No decision yet: the application is in the queue. */
    UNDECIDED
}
