package org.licencerisk.screening.matching;

import java.util.Locale;

/**
 * How close two control list entries are: the same entry, one a sub-item of the other ({@code 5A001.j} and
 * {@code 5A001.j.1}), the same entry family ({@code 5A001.j} and {@code 5A001.f}: the part before the first dot), or
 * unrelated.
 *
 * @param similarity 1 for the same entry, {@value #SUB_ITEM} for a sub-item, {@value #FAMILY} for the same family,
 *                   0 otherwise
 * @param method     {@code exact}, {@code entry-subitem}, {@code entry-family} or {@code none}
 */
public record EntryComparison(double similarity, String method) {

    /** The similarity of an entry and one of its sub-items. */
    public static final double SUB_ITEM = 0.9;
    /** The similarity of two entries of the same family. */
    public static final double FAMILY = 0.7;

    private static final EntryComparison NONE = new EntryComparison(0, "none");

    /**
     * Compares two entries, ignoring case and surrounding blanks.
     *
     * @param a one entry, or {@code null}
     * @param b the other, or {@code null}
     * @return how close they are
     */
    public static EntryComparison of(String a, String b) {
        String x = canonical(a);
        String y = canonical(b);
        if (x.isEmpty() || y.isEmpty()) {
            return NONE;
        }
        if (x.equals(y)) {
            return new EntryComparison(1, "exact");
        }
        if (x.startsWith(y + ".") || y.startsWith(x + ".")) {
            return new EntryComparison(SUB_ITEM, "entry-subitem");
        }
        if (family(x).equals(family(y))) {
            return new EntryComparison(FAMILY, "entry-family");
        }
        return NONE;
    }

    /**
     * The family of an entry: the part before the first dot, upper case ({@code 5A001.j} gives {@code 5A001},
     * {@code ML10.a} gives {@code ML10}).
     *
     * @param entry an entry
     * @return its family, empty for a blank entry
     */
    public static String family(String entry) {
        String x = canonical(entry);
        int dot = x.indexOf('.');
        return dot < 0 ? x : x.substring(0, dot);
    }

    private static String canonical(String entry) {
        return entry == null ? "" : entry.trim().toUpperCase(Locale.ROOT);
    }
}
