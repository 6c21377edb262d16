package org.licencerisk.model.features;

import java.util.Arrays;

/**
 * The model features of one application: parallel arrays of names ({@code destinationCountry=IR},
 * {@code totalValueEur}) and values, in the order of the feature definition. Only non-zero features are present.
 *
 * @param names  the feature names
 * @param values the feature values
 */
public record EncodedFeatures(String[] names, double[] values) {

    public EncodedFeatures {
        if (names.length != values.length) {
            throw new IllegalArgumentException("Feature names and values must have the same length, found "
                    + names.length + " and " + values.length + ".");
        }
    }

    public int size() {
        return names.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EncodedFeatures other && Arrays.equals(names, other.names)
                && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("EncodedFeatures[");
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(names[i]).append(':').append(values[i]);
        }
        return sb.append(']').toString();
    }
}
