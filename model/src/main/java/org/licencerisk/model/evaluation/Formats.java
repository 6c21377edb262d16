package org.licencerisk.model.evaluation;

import java.util.Locale;

/**
 * Number formatting and HTML escaping shared by the evaluation report, the comparison and the drift report;
 * always {@link Locale#ROOT}.
 */
public final class Formats {

    /** What an undefined number (an empty calibration bin) reads as. */
    public static final String NOT_AVAILABLE = "n/a";

    private Formats() {
    }

    /** Formats with a fixed number of decimals, NaN as {@code n/a}. */
    public static String decimal(double value, int decimals) {
        return Double.isNaN(value) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    /** Formats a share as a percentage with the given decimals, NaN as {@code n/a}. */
    public static String percent(double share, int decimals) {
        return Double.isNaN(share) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * share);
    }

    /** Formats a signed difference, NaN as {@code n/a}. */
    public static String signed(double value, int decimals) {
        return Double.isNaN(value) ? NOT_AVAILABLE : String.format(Locale.ROOT, "%+." + decimals + "f", value);
    }

    /** Formats a count with thousands separators. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** Escapes text for HTML and SVG element content and attribute values. */
    public static String html(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
