package org.licencerisk.functions.jobs;

/** The kinds of batch job that keep checkpoints; each kind is one partition of the models table. */
public enum JobKind {
    /** The pseudonymised training export of decided applications. */
    EXPORT,
    /** Re-scoring undecided applications with a newly promoted champion. */
    RESCORE
}
