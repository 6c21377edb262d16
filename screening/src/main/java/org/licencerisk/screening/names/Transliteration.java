package org.licencerisk.screening.names;

import java.util.HashMap;
import java.util.Map;

/**
 * Compact transliteration of Cyrillic, Greek, Arabic (with Persian letters) and Chinese characters into lower-case
 * ASCII, one character at a time.
 * <p>
 * Cyrillic follows the common passport-style romanisation (х kh, ц ts, ч ch, ш sh, щ shch, ю yu, я ya; ъ and ь
 * dropped); Greek follows ELOT 743 without its context rules (ου ou, χ ch, θ th); Arabic gives consonants only for
 * unwritten short vowels (ة a, ع dropped), which is why Arabic-origin words are also compared on their consonant
 * skeleton; Chinese characters read as toneless pinyin from {@link HanReadings}, one syllable per character. These
 * tables stand in for ICU4J, which does not fit the Lambda package; the limits are in {@code docs/denial-screening.md}.
 */
public final class Transliteration {

    private static final Map<Character, String> LETTERS = new HashMap<>();

    static {
        table("а a б b в v г g д d е e ж zh з z и i й y к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts "
                + "ч ch ш sh щ shch ъ - ы y ь - э e ю yu я ya ё e є ye і i ї yi ґ g ў u ә a ғ g қ k ң n ө o ұ u ү u һ h");
        table("α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s ς s τ t υ y φ f χ ch "
                + "ψ ps ω o");
        table("ا a ب b ت t ث th ج j ح h خ kh د d ذ dh ر r ز z س s ش sh ص s ض d ط t ظ z ع - غ gh ف f ق q ك k "
                + "ل l م m ن n ه h ة a و w ي y ى a ء - ٱ a پ p چ ch ژ zh گ g ک k ی y ـ -");
        LETTERS.put('ß', "ss");
        LETTERS.put('æ', "ae");
        LETTERS.put('œ', "oe");
        LETTERS.put('ø', "o");
        LETTERS.put('ł', "l");
        LETTERS.put('đ', "d");
        LETTERS.put('ð', "d");
        LETTERS.put('þ', "th");
        LETTERS.put('ı', "i");
    }

    private Transliteration() {
    }

    private static void table(String pairs) {
        String[] parts = pairs.split(" ");
        for (int i = 0; i < parts.length; i += 2) {
            LETTERS.put(parts[i].charAt(0), parts[i + 1].equals("-") ? "" : parts[i + 1]);
        }
    }

    /**
     * The script a code point belongs to, as far as transliteration is concerned.
     *
     * @param codePoint a letter or digit
     * @return its script
     */
    public static Script scriptOf(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        switch (script) {
            case LATIN:
                return Script.LATIN;
            case CYRILLIC:
                return Script.CYRILLIC;
            case GREEK:
                return Script.GREEK;
            case ARABIC:
                return Script.ARABIC;
            case HAN:
                return Script.HAN;
            default:
                return Script.OTHER;
        }
    }

    /**
     * The Latin spelling of one lower-case letter or digit.
     *
     * @param codePoint a lower-case letter (marks already removed) or a digit
     * @return its spelling in ASCII: empty for letters that are not written (ъ, ь, ع), the code point itself for
     * ASCII and for scripts with no table, a pinyin syllable for a Chinese character
     */
    public static String latin(int codePoint) {
        if (codePoint < 0x80) {
            return Character.toString(codePoint);
        }
        if (Character.isDigit(codePoint)) {
            return Integer.toString(Character.digit(codePoint, 10));
        }
        if (codePoint <= 0xFFFF) {
            String letters = LETTERS.get((char) codePoint);
            if (letters != null) {
                return letters;
            }
        }
        String reading = HanReadings.instance().reading(codePoint);
        return reading != null ? reading : Character.toString(codePoint);
    }
}
