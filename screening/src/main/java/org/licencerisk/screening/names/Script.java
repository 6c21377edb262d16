package org.licencerisk.screening.names;

/** The writing system a token of a name came from, before transliteration. */
public enum Script {
    LATIN,
    CYRILLIC,
    GREEK,
    ARABIC,
    HAN,
    /** Digits, or letters of a script with no transliteration here (kept as they are). */
    OTHER
}
