package org.licencerisk.functions.jobs;

/** Where a batch job stands. */
public enum JobStatus {
    /** Started and not finished; its checkpoint says where to resume. */
    RUNNING,
    /** Finished; its counts are final. */
    COMPLETE,
    /** Given up because a newer job makes it pointless (e.g. a re-scoring overtaken by another promotion). */
    SUPERSEDED
}
