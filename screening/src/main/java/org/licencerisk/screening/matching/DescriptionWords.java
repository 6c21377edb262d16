package org.licencerisk.screening.matching;

import org.licencerisk.screening.names.NameNormaliser;
import org.licencerisk.screening.names.NameToken;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The words of a goods description, for comparing two descriptions: folded, transliterated and spelt one way as
 * names are, words of two letters or fewer and common English filler dropped, a plural {@code s} removed.
 */
final class DescriptionWords {

    private static final Set<String> FILLER = Set.of("and", "the", "for", "with", "from", "into", "that", "this",
            "are", "its", "per", "use", "used", "using", "other", "all", "any", "not", "including", "based");

    private DescriptionWords() {
    }

    static Set<String> of(String description) {
        Set<String> words = new LinkedHashSet<>();
        if (description == null) {
            return words;
        }
        for (NameToken token : NameNormaliser.canonicalWords(NameNormaliser.tokens(NameNormaliser.fold(description)))) {
            String word = token.text();
            if (word.length() <= 2 || FILLER.contains(word)) {
                continue;
            }
            if (word.length() > 4 && word.endsWith("s") && !word.endsWith("ss")) {
                word = word.substring(0, word.length() - 1);
            }
            words.add(word);
        }
        return words;
    }

    /**
     * The weighted word overlap of two descriptions (weighted Dice coefficient): twice the weight of the words
     * they share over the weight of both.
     */
    static double similarity(Set<String> a, Set<String> b, Map<String, Double> weights, double unknownWeight) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double shared = 0;
        double total = 0;
        for (String w : a) {
            double weight = weights.getOrDefault(w, unknownWeight);
            total += weight;
            if (b.contains(w)) {
                shared += 2 * weight;
            }
        }
        for (String w : b) {
            total += weights.getOrDefault(w, unknownWeight);
        }
        return total == 0 ? 0 : shared / total;
    }
}
