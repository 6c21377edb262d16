package org.licencerisk.model.features;

import java.util.Objects;

/**
 * An interaction of two categorical, multi-categorical or boolean inputs, computed by the feature definition: one
 * indicator per pair of their values, e.g. {@code destinationCountry×controlListEntries=IR×5A001.j}. It lets a
 * linear model learn that a control list entry routine for one destination is refused for another.
 *
 * @param first  the name of the first feature (a spec of the same definition)
 * @param second the name of the second feature
 */
public record FeatureCross(String first, String second) {

    /** Joins the two names, and the two values, of a cross. */
    public static final String JOIN = "×";

    public FeatureCross {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(second, "second");
        if (first.equals(second)) {
            throw new IllegalArgumentException("A feature cross needs two different features, found '" + first
                    + "' twice.");
        }
    }

    /** Returns the cross's name, {@code first×second}, the prefix of its encoded features. */
    public String name() {
        return first + JOIN + second;
    }

    /**
     * Returns the cross named {@code first×second} in an encoded feature's spec name, if it is one.
     *
     * @param specName the part of an encoded feature's name before {@code =}
     * @return the cross, or {@code null} when the name is not a cross's
     */
    public static FeatureCross parse(String specName) {
        int at = specName.indexOf(JOIN);
        if (at <= 0 || at == specName.length() - JOIN.length()) {
            return null;
        }
        return new FeatureCross(specName.substring(0, at), specName.substring(at + JOIN.length()));
    }
}
