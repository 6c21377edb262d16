package org.licencerisk.functions.screening;

/** The screener factory the functions use. */
public final class ScreenerFactories {

    private ScreenerFactories() {
    }

    /**
     * The screening module's matching engine, built from the register's denials; {@code null} while this build has
     * no engine (screening is then off and scores record no register version).
     */
    public static ScreenerFactory standard() {
        return null;
    }
}
