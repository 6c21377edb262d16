package org.licencerisk.model.training;

/** Receives progress of long steps, for a CLI to show. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = (step, done, total) -> { };

    /**
     * Reports progress.
     *
     * @param step  what is being done, e.g. {@code "fitting"}
     * @param done  units done
     * @param total units in all (0 when unknown)
     */
    void progress(String step, long done, long total);
}
