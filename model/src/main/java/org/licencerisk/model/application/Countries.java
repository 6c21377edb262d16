package org.licencerisk.model.application;

import java.util.Locale;
import java.util.Set;

/** ISO 3166-1 alpha-2 country codes, as the JDK knows them. */
public final class Countries {

    private static final Set<String> CODES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

    private Countries() {
    }

    /** Returns whether {@code code} is an assigned ISO 3166-1 alpha-2 code (upper case). */
    public static boolean isKnown(String code) {
        return code != null && CODES.contains(code);
    }
}
