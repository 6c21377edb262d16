package org.licencerisk.functions.screening;

import org.licencerisk.screening.matching.IndexedDenialScreener;

/** The screener factory the functions use. */
public final class ScreenerFactories {

    private ScreenerFactories() {
    }

    /**
     * The screening module's matching engine ({@link IndexedDenialScreener}, default thresholds), built from the
     * register's denials.
     */
    public static ScreenerFactory standard() {
        return IndexedDenialScreener::build;
    }
}
