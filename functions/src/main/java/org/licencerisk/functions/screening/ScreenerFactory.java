package org.licencerisk.functions.screening;

import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialScreener;

import java.util.List;

/** Builds a screener from the register's denials (off the request path). */
@FunctionalInterface
public interface ScreenerFactory {

    /**
     * Builds a screener.
     *
     * @param denials         every valid denial of the register (the screener counts only those that count on the day
     *                        it screens: not past their review date)
     * @param registerVersion the version those denials are
     */
    DenialScreener build(List<Denial> denials, String registerVersion);
}
