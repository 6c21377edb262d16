package org.licencerisk.screening.names;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How much a word weighs in a name: its inverse document frequency over the names of the register, so that a word
 * many firms share ("Technology", "Trading", "Shenzhen") counts for little and a rare one for much.
 * <p>
 * A small register says little about which words are common, so every word also carries a prior: generic business
 * words and large cities count as if {@value #GENERIC_SHARE} of all names held them, and the register is padded with
 * {@value #PRIOR_NAMES} imaginary names that hold no other word. The weight of a word held by {@code df} of {@code n}
 * names is {@code ln((n + P + 1) / (df + prior * (n + P) + 1))}, at least {@value #MINIMUM}. Immutable.
 */
public final class TokenWeights {

    /** The share of names assumed to hold a generic word, whatever the register says. */
    public static final double GENERIC_SHARE = 0.15;
    /** Imaginary names added to the register so that a small register still weighs words sensibly. */
    public static final int PRIOR_NAMES = 10_000;
    /** The least a word weighs. */
    public static final double MINIMUM = 0.25;

    private static final Set<String> GENERIC = Set.copyOf(List.of(
            "general", "global", "national", "united", "new", "first", "golden", "gold", "star", "royal", "best",
            "advanced", "smart", "digital", "micro", "power", "energy", "solutions", "supply", "supplies", "trust",
            "partners", "commercial", "enterprise", "enterprises", "center", "centre", "bureau", "institute",
            "scientific", "production", "company", "projects", "project", "tech", "hk", "branch", "factory", "world",
            "asia", "euro", "east", "west", "north", "south", "middle", "gulf", "pacific", "china", "russia", "iran",
            "emirates", "turkey", "hong", "kong", "hongkong", "beijing", "shanghai", "shenzhen", "guangzhou", "chengdu",
            "wuhan", "hangzhou", "tianjin", "xian", "nanjing", "chongqing", "dalian", "moscow", "moskva", "sankt",
            "saint", "peterburg", "petersburg", "novosibirsk", "yekaterinburg", "ekaterinburg", "kazan", "minsk",
            "almaty", "tashkent", "dubai", "sharjah", "abu", "dhabi", "ajman", "riyadh", "jeddah", "tehran",
            "damascus", "cairo", "istanbul", "ankara", "athens", "athina", "thessaloniki", "limassol", "nicosia",
            "karachi", "lahore", "mumbai", "delhi", "singapore", "kuala", "lumpur", "baku", "yerevan", "tbilisi",
            "sao", "paulo", "milan", "hamburg", "london", "levkosia", "lemesos", "xianggang", "impex", "telecom",
            "dby", "sharqa", "ryad", "jda", "thran", "dmshq", "qahra", "athina", "thessaloniki", "lemesos", "lefkosia"));

    private final Map<String, Integer> documentFrequency;
    private final int names;

    private TokenWeights(Map<String, Integer> documentFrequency, int names) {
        this.documentFrequency = documentFrequency;
        this.names = names;
    }

    /**
     * Weights from document frequencies.
     *
     * @param documentFrequency for each word, how many names hold it
     * @param names             how many names were counted
     * @return the weights
     */
    public static TokenWeights of(Map<String, Integer> documentFrequency, int names) {
        Objects.requireNonNull(documentFrequency, "Token weights need document frequencies (possibly empty).");
        if (names < 0) {
            throw new IllegalArgumentException("The number of names counted cannot be negative.");
        }
        return new TokenWeights(Map.copyOf(documentFrequency), names);
    }

    /** @return weights that know no register: only the priors */
    public static TokenWeights priorsOnly() {
        return new TokenWeights(Map.of(), 0);
    }

    /**
     * The weight of a word.
     *
     * @param word a normalised word
     * @return its weight, at least {@value #MINIMUM}
     */
    public double weight(String word) {
        int df = documentFrequency.getOrDefault(word, 0);
        return weight(word, df);
    }

    /**
     * The weight of a word whose document frequency the caller already knows.
     *
     * @param word a normalised word
     * @param df   how many names of the register hold it
     * @return its weight
     */
    public double weight(String word, int df) {
        double total = names + PRIOR_NAMES;
        double prior = isGeneric(word) ? GENERIC_SHARE * total : 0;
        return Math.max(MINIMUM, Math.log((total + 1) / (df + prior + 1)));
    }

    /**
     * Whether a word is generic whatever the register says: a canonical business word or a large city.
     *
     * @param word a normalised word
     * @return true if generic
     */
    public static boolean isGeneric(String word) {
        return GENERIC.contains(word) || NameNormaliser.isCanonicalGenericWord(word);
    }

    /** @return how many names of the register were counted */
    public int names() {
        return names;
    }
}
