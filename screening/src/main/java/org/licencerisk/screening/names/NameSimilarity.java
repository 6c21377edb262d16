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
 * of the other name (at least {@value #JOIN_THRESHOLD}) better than either alone ({@code hua wei} and {@code huawei}, {@code shen zhen} and
 * {@code shenzhen}). The score is the weighted share of both names' words that found a partner,
 * {@code (Σa w(a)·s(a) + Σb w(b)·s(b)) / (Σa w(a) + Σb w(b))}, with the weights of {@link TokenWeights}; word order
 * does not matter, and a missing generic word (a city prefix) costs little. Stateless and thread-safe.
 */
public final class NameSimilarity {

    /** Two words at least this Jaro-Winkler-similar are taken for spellings of the same word. */
    public static final double WORD_THRESHOLD = 0.88;
    /** Words this short or shorter only match exactly. */
    public static final int SHORTEST_FUZZY = 3;
    /** Only words this short are joined with a neighbour (Chinese syllables are at most six letters). */
    public static final int MAX_JOINED_PART = 6;
    /** Two adjacent words are joined only when together they are at least this similar to a word of the other name. */
    public static final double JOIN_THRESHOLD = 0.93;
    /** Two words alike only once their romanisations are folded must be at least this similar then. */
    public static final double FOLDED_THRESHOLD = 0.93;
    /** Romanisations are folded only for words at least this Jaro-Winkler-similar as written. */
    public static final double FOLD_GATE = 0.7;
    /** The most two words alike only once their romanisations are folded can be. */
    public static final double ROMANISATION_SIMILARITY = 0.95;
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
        return similarity(a, b, weights, null);
    }

    /**
     * The similarity of a name with many others, remembering word similarities between calls.
     *
     * @param a       the name compared with many (its words are the cache's rows)
     * @param b       one of the many; its words should be shared instances across names for the cache to help
     * @param weights the word weights of the register
     * @param cache   word similarities already computed for {@code a}, or {@code null}
     * @return 0 to 1
     */
    public static double similarity(NormalisedName a, NormalisedName b, TokenWeights weights, WordCache cache) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        List<NameToken> left = a.tokens();
        List<NameToken> right = b.tokens();
        double[][] sim = matrix(left, right, cache);
        List<NameToken> joinedLeft = joined(left, right, sim, false);
        List<NameToken> joinedRight = joined(right, joinedLeft, joinedLeft == left ? sim : null, true);
        if (joinedLeft != left || joinedRight != right) {
            left = joinedLeft;
            right = joinedRight;
            sim = matrix(left, right, null);
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

    private static double[][] matrix(List<NameToken> left, List<NameToken> right, WordCache cache) {
        double[][] sim = new double[left.size()][right.size()];
        for (int i = 0; i < left.size(); i++) {
            for (int j = 0; j < right.size(); j++) {
                sim[i][j] = cache == null ? wordSimilarity(left.get(i), right.get(j)) : cache.get(i, left.get(i), right.get(j));
            }
        }
        return sim;
    }

    /**
     * Word similarities of one name's words with the words of many names, remembered by word instance. Not
     * thread-safe: one per screening.
     */
    public static final class WordCache {
        private final java.util.IdentityHashMap<NameToken, double[]> rows = new java.util.IdentityHashMap<>();
        private final int words;

        /** @param name the name whose words are compared with many */
        public WordCache(NormalisedName name) {
            this.words = name.tokens().size();
        }

        double get(int i, NameToken left, NameToken right) {
            double[] row = rows.get(right);
            if (row == null) {
                row = new double[words];
                java.util.Arrays.fill(row, -1);
                rows.put(right, row);
            }
            if (row[i] < 0) {
                row[i] = wordSimilarity(left, right);
            }
            return row[i];
        }
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
        if (a.origin() == Script.ARABIC || b.origin() == Script.ARABIC) {
            String s = skeleton(x);
            if (s.length() >= 2 && s.equals(skeleton(y))) {
                return SKELETON_SIMILARITY;
            }
        }
        if (x.length() <= SHORTEST_FUZZY || y.length() <= SHORTEST_FUZZY) {
            return 0;
        }
        double jw = JARO_WINKLER.apply(x, y);
        if (jw >= WORD_THRESHOLD) {
            return jw;
        }
        if (jw >= FOLD_GATE && x.length() >= 5 && y.length() >= 5 && a.origin() != Script.HAN && b.origin() != Script.HAN) {
            double folded = JARO_WINKLER.apply(romanisationFold(x), romanisationFold(y));
            if (folded >= FOLDED_THRESHOLD) {
                return Math.min(folded, ROMANISATION_SIMILARITY);
            }
        }
        return 0;
    }

    /**
     * A word with the differences between common romanisations folded away, for Russian ({@code shch}, {@code sch}
     * and {@code sh}; {@code tsch} and {@code ch}; {@code ts} and {@code c}; {@code kh} and {@code h}; {@code ju},
     * {@code iu} and {@code yu}; {@code j} and {@code y}; {@code w} and {@code v}), Greek (classical and modern:
     * {@code c} and {@code k}, {@code ph} and {@code f}, {@code ae} and {@code e}, {@code -us} and
     * {@code -os}, a leading {@code h}) and Arabic ({@code q} and {@code k}, {@code o} and {@code u}, {@code ou} and
     * {@code u}); {@code y} read as {@code i}; doubled letters written once. Used only when two words are not already
     * similar, only for words of five letters or more, and never for Chinese syllables, where {@code j} and {@code y} are different sounds.
     *
     * @param word a normalised word
     * @return the folded word
     */
    public static String romanisationFold(String word) {
        String w = word.replace("shch", "sh").replace("tsch", "ch").replace("sch", "sh").replace("ts", "c")
                .replace("kh", "h").replace("iu", "yu").replace("ia", "ya").replace('j', 'y').replace('w', 'v')
                .replace("ph", "f").replace('q', 'k').replace("ch", "\u0001").replace('c', 'k').replace('\u0001', 'c')
                .replace("ae", "e").replace("ou", "u").replace('o', 'u').replace('y', 'i');
        if (w.endsWith("us")) {
            w = w.substring(0, w.length() - 2) + "os";
        }
        if (w.length() > 3 && w.charAt(0) == 'h') {
            w = w.substring(1);
        }
        StringBuilder out = new StringBuilder(w.length());
        for (int i = 0; i < w.length(); i++) {
            if (i == 0 || w.charAt(i) != w.charAt(i - 1)) {
                out.append(w.charAt(i));
            }
        }
        return out.toString();
    }

    /**
     * The consonant skeleton of a word, as Arabic writes it: vowels (and {@code w}, {@code y}, which stand for long
     * vowels) dropped, {@code q} read as {@code k}, doubled letters written once, a final {@code h} dropped
     * (ta marbuta, {@code -iyah}, {@code -allah}).
     *
     * @param word a normalised word
     * @return its skeleton
     */
    public static String skeleton(String word) {
        StringBuilder out = new StringBuilder(word.length());
        int length = word.length();
        if (length > 3 && word.charAt(length - 1) == 'h') {
            length--;
        }
        for (int i = 0; i < length; i++) {
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
     * Joins adjacent short words of one name when together they match a word of the other better than either alone.
     *
     * @param words      one name's words
     * @param other      the other name's words
     * @param sim        the word similarities of {@code words} (rows) with {@code other}, or of {@code other} with
     *                   {@code words} when {@code transposed}; {@code null} to compute them
     * @param transposed whether {@code sim} has {@code words} as its columns
     * @return the words, some joined (the same list when none was)
     */
    static List<NameToken> joined(List<NameToken> words, List<NameToken> other, double[][] sim, boolean transposed) {
        if (words.size() < 2) {
            return words;
        }
        double[] best = new double[words.size()];
        for (int i = 0; i < words.size(); i++) {
            if (sim == null) {
                best[i] = best(words.get(i), other);
            } else {
                for (int j = 0; j < other.size(); j++) {
                    best[i] = Math.max(best[i], transposed ? sim[j][i] : sim[i][j]);
                }
            }
        }
        List<NameToken> out = null;
        int i = 0;
        int at = 0;
        while (i + 1 < words.size()) {
            NameToken first = words.get(i);
            NameToken second = words.get(i + 1);
            if (best[i] < 1 && best[i + 1] < 1 && first.text().length() <= MAX_JOINED_PART
                    && second.text().length() <= MAX_JOINED_PART) {
                NameToken together = new NameToken(first.text() + second.text(), first.origin());
                double joined = mayMatch(together, other) ? best(together, other) : 0;
                if (joined >= JOIN_THRESHOLD && joined > Math.max(best[i], best[i + 1])) {
                    if (out == null) {
                        out = new ArrayList<>(words.subList(0, i));
                    }
                    out.add(together);
                    i += 2;
                    at = i;
                    continue;
                }
            }
            if (out != null) {
                out.add(first);
            }
            i++;
            at = i;
        }
        if (out == null) {
            return words;
        }
        out.addAll(words.subList(at, words.size()));
        return out;
    }

    /** A joined word can only match a word of about its length that starts with the same letter. */
    private static boolean mayMatch(NameToken joined, List<NameToken> other) {
        String text = joined.text();
        for (NameToken o : other) {
            String t = o.text();
            if (t.charAt(0) == text.charAt(0) && Math.abs(t.length() - text.length()) <= 2) {
                return true;
            }
        }
        return false;
    }

    private static double best(NameToken word, List<NameToken> other) {
        double best = 0;
        for (NameToken o : other) {
            best = Math.max(best, wordSimilarity(word, o));
        }
        return best;
    }
}
