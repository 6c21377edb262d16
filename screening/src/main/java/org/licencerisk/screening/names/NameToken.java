package org.licencerisk.screening.names;

import java.util.Objects;

/**
 * One word of a normalised name: lower-case ASCII letters and digits.
 *
 * @param text   the word
 * @param origin the script it was written in before transliteration
 */
public record NameToken(String text, Script origin) {

    public NameToken {
        Objects.requireNonNull(text, "A name token needs its text.");
        Objects.requireNonNull(origin, "A name token needs its script of origin.");
    }

    /** A token written in Latin letters. */
    static NameToken latin(String text) {
        return new NameToken(text, Script.LATIN);
    }
}
