package org.licencerisk.functions.shadow;

import java.util.Iterator;

/** Shadow scores, one partition per shadow model in pair-key order. Thread-safe. */
public interface ShadowScoreRepository {

    /**
     * Stores a shadow score unless the model has scored that content already (a conditional put).
     *
     * @return whether this call stored it
     */
    boolean insertIfAbsent(ShadowScore score);

    /**
     * Streams one model's shadow scores in ascending pair-key order, reading page by page (never all at once).
     * Storage failures surface from {@code hasNext()}/{@code next()} as they happen.
     */
    Iterator<ShadowScore> scores(String modelVersion);
}
