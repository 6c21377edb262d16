package org.licencerisk.screening.names;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

import java.util.ArrayList;
import java.util.List;

/**
 * The similarity of two normalised names, 0 to 1: a symmetric soft TF-IDF.
 * <p>
 * Each word of either name is paired with its most similar word of the other; two words are similar when they are
 * equal, when their Jaro-Winkler similarity (Apache Commons Text) is at least {@value #WORD_THRESHOLD} (words of more
 * than {@value #SHORTEST_FUZZY} letters only), or, when one of them was written in Arabic, when their consonant
 * skeletons agree (Arabic writes no short vowels). Adjacent words are first joined when together they match a word
 * of the other name better than either alone ({@code hua wei} and {@code huawei}, {@code shen zhen} and
 * {@code shenzhen}). The score is the weighted share of both names' words that found a partner,
 * {@code (Σa w(a)·s(a) + Σb w(b)·s(b)) / (Σa w(a) + Σb w(b))}, with the weights of {@link TokenWeights}; word order
 * does not matter, and a missing generic word (a city prefix) costs little. Stateless and thread-safe.
 */
public final class NameSimilarity {

    /** Two words at least this Jaro-Winkler-similar are taken for spellings of the same word. */
    public static final double WORD_THRESHOLD = 0.88;
    /** Words this short or shorter only match exactly. */
    public static final int SHORTEST_FUZZY = 3;
    /** The similarity given to two words of Arabic origin whose consonant skeletons agree. */
    public static final double SKELETON_SIMILARITY = 0.9;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private NameSimilarity() {
    }

    /**
     * The similarity of two names.
     *
     * @param a       one name
     * @param b       the other
     * @param weights the word weights of the register
     * @return 0 (nothing in common, or either empty) to 1 (the same words)
     */
    public static double similarity(NormalisedName a, NormalisedName b, TokenWeights weights) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        List<NameToken> left = joined(a.tokens(), b.tokens());
        List<NameToken> right = joined(b.tokens(), left);
        double[][] sim = new double[left.size()][right.size()];
        for (int i = 0; i < left.size(); i++) {
            for (int j = 0; j < right.size(); j++) {
                sim[i][j] = wordSimilarity(left.get(i), right.get(j));
            }
        }
        double matched = 0;
        double total = 0;
        for (int i = 0; i < left.size(); i++) {
            double best = 0;
            for (int j = 0; j < right.size(); j++) {
                best = Math.max(best, sim[i][j]);
            }
            double w = weights.weight(left.get(i).text());
            matched += w * best;
            total += w;
        }
        for (int j = 0; j < right.size(); j++) {
            double best = 0;
            for (int i = 0; i < left.size(); i++) {
                best = Math.max(best, sim[i][j]);
            }
            double w = weights.weight(right.get(j).text());
            matched += w * best;
            total += w;
        }
        return total == 0 ? 0 : Math.min(1, matched / total);
    }

    /**
     * The similarity of two words.
     *
     * @param a one word
     * @param b the other
     * @return 1 when equal, the Jaro-Winkler similarity when at least {@value #WORD_THRESHOLD},
     * {@value #SKELETON_SIMILARITY} for Arabic-origin words with the same skeleton, otherwise 0
     */
    public static double wordSimilarity(NameToken a, NameToken b) {
        String x = a.text();
        String y = b.text();
        if (x.equals(y)) {
            return 1;
        }
        if (x.length() <= SHORTEST_FUZZY || y.length() <= SHORTEST_FUZZY) {
            return 0;
        }
        double jw = JARO_WINKLER.apply(x, y);
        if (jw >= WORD_THRESHOLD) {
            return jw;
        }
        if ((a.origin() == Script.ARABIC || b.origin() == Script.ARABIC)) {
            String s = skeleton(x);
            if (s.length() >= 2 && s.equals(skeleton(y))) {
                return SKELETON_SIMILARITY;
            }
        }
        return 0;
    }

    /**
     * The consonant skeleton of a word, as Arabic writes it: vowels (and {@code w}, {@code y}, which stand for long
     * vowels) dropped, {@code q} read as {@code k}, doubled letters written once.
     *
     * @param word a normalised word
     * @return its skeleton
     */
    public static String skeleton(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if ("aeiouyw".indexOf(c) >= 0) {
                continue;
            }
            char k = c == 'q' ? 'k' : c;
            if (out.length() == 0 || out.charAt(out.length() - 1) != k) {
                out.append(k);
            }
        }
        return out.toString();
    }

    /**
     * Joins adjacent words of one name when together they match a word of the other better than either alone.
     *
     * @param words one name's words
     * @param other the other name's words
     * @return the words, some joined
     */
    static List<NameToken> joined(List<NameToken> words, List<NameToken> other) {
        if (words.size() < 2) {
            return words;
        }
        List<NameToken> out = new ArrayList<>(words);
        int i = 0;
        while (i + 1 < out.size()) {
            NameToken first = out.get(i);
            NameToken second = out.get(i + 1);
            NameToken together = new NameToken(first.text() + second.text(), first.origin());
            double joined = best(together, other);
            if (joined >= WORD_THRESHOLD && joined > Math.max(best(first, other), best(second, other))) {
                out.set(i, together);
                out.remove(i + 1);
            } else {
                i++;
            }
        }
        return out;
    }

    private static double best(NameToken word, List<NameToken> other) {
        double best = 0;
        for (NameToken o : other) {
            best = Math.max(best, wordSimilarity(word, o));
        }
        return best;
    }
}
