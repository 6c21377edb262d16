package org.licencerisk.model.application;

import java.util.regex.Pattern;

/** The syntax of control list entries: Annex I of 2021/821 ({@code 5A001.j}) and the military list ({@code ML10.a}). */
public final class ControlListEntries {

    private static final Pattern DUAL_USE = Pattern.compile("[0-9][A-E][0-9]{3}(\\.[a-z0-9]{1,3})*");
    private static final Pattern MILITARY = Pattern.compile("ML([1-9]|1[0-9]|2[0-2])(\\.[a-z0-9]{1,3})*");

    private ControlListEntries() {
    }

    /** Returns whether {@code entry} is a well-formed dual-use or military list entry. */
    public static boolean isWellFormed(String entry) {
        return entry != null && entry.length() <= 24
                && (DUAL_USE.matcher(entry).matches() || MILITARY.matcher(entry).matches());
    }

    /**
     * Returns the list heading of an entry: the category and product group of a dual-use entry
     * ({@code 5A001.j} gives {@code 5A}), or {@code ML} with its number for military goods ({@code ML10}).
     */
    public static String heading(String entry) {
        if (entry.startsWith("ML")) {
            int dot = entry.indexOf('.');
            return dot < 0 ? entry : entry.substring(0, dot);
        }
        return entry.substring(0, 2);
    }
}
