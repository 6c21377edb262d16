package org.licencerisk.screening.matching;

import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialMatch;
import org.licencerisk.screening.DenialParty;
import org.licencerisk.screening.DenialScreener;
import org.licencerisk.screening.DenialStatus;
import org.licencerisk.screening.FieldEvidence;
import org.licencerisk.screening.MatchVerdict;
import org.licencerisk.screening.PartyRole;
import org.licencerisk.screening.ScreenedParty;
import org.licencerisk.screening.ScreeningSubject;
import org.licencerisk.screening.names.NameNormaliser;
import org.licencerisk.screening.names.NameSimilarity;
import org.licencerisk.screening.names.NameToken;
import org.licencerisk.screening.names.NormalisedName;
import org.licencerisk.screening.names.Script;
import org.licencerisk.screening.names.TokenWeights;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A {@link DenialScreener} over one version of the register, held in memory with a candidate index.
 * <p>
 * Built once, off the request path, from the register's denials ({@code REVOKED} ones are left out; those past their
 * review date are skipped when screening, by {@link Denial#countsOn}). The index:
 * <ul>
 *     <li>party names, normalised ({@link NameNormaliser}), with their words' document frequencies for the weights
 *     ({@link TokenWeights});</li>
 *     <li>an inverted index from each word (and each pair of short adjacent words written together, for Chinese
 *     syllables) to the party names holding it, and from consonant skeletons to words;</li>
 *     <li>for goods, denials by destination and entry family.</li>
 * </ul>
 * Screening one party looks up only its heaviest words (prefix filtering: a name sharing none of them cannot reach
 * the threshold), each word as spelt and with every spelling one edit away (typos), its skeleton and its joins with
 * neighbours, then scores the candidates in full with {@link NameSimilarity}. Immutable and thread-safe.
 */
public final class IndexedDenialScreener implements DenialScreener {

    /** A word held by more names than this is only used when the name has nothing rarer. */
    static final int COMMON_WORD_POSTINGS = 20_000;
    /**
     * A word held by more names than this (a common Chinese syllable) is looked up only joined with its neighbour,
     * when it has one ({@code heng rong} as {@code hengrong}).
     */
    static final int COMMON_SYLLABLE_POSTINGS = 1_000;
    /** The margin below the threshold kept when choosing which words to look up (soft matches, joins). */
    static final double BLOCKING_MARGIN = 0.05;

    private static final int KEY_BITS = 24;
    private static final long KEY_MASK = (1L << KEY_BITS) - 1;
    private static final int[] NO_POSTINGS = new int[0];

    private final String registerVersion;
    private final ScreeningThresholds thresholds;
    private final Denial[] denials;
    private final IndexedParty[] parties;
    private final Map<String, int[]> postings;
    private final Map<String, String[]> skeletons;
    private final String[] vocabulary;
    private final long[] deletions;
    private final TokenWeights weights;
    private final Set<String> arabicWords;
    private final Map<String, int[]> goodsByDestinationAndFamily;
    private final List<Set<String>> descriptionWords;
    private final Map<String, Double> descriptionWeights;
    private final double unknownDescriptionWeight;

    private record IndexedParty(int denial, DenialParty party, NormalisedName name) {
    }

    private IndexedDenialScreener(String registerVersion, ScreeningThresholds thresholds, Collection<Denial> register) {
        this.registerVersion = registerVersion;
        this.thresholds = thresholds;
        this.denials = register.stream().filter(Objects::nonNull).filter(d -> d.status() == DenialStatus.VALID)
                .toArray(Denial[]::new);
        Map<String, NameToken> shared = new HashMap<>();
        List<IndexedParty> indexed = new ArrayList<>();
        Map<String, List<Integer>> lists = new HashMap<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        Set<String> arabic = new HashSet<>();
        for (int d = 0; d < denials.length; d++) {
            for (DenialParty party : denials[d].parties()) {
                if (party == null) {
                    continue;
                }
                NormalisedName name = interned(NameNormaliser.normalise(party.name()), shared);
                if (name.isEmpty()) {
                    continue;
                }
                int id = indexed.size();
                indexed.add(new IndexedParty(d, party, name));
                Set<String> keys = new HashSet<>();
                for (NameToken token : name.tokens()) {
                    keys.add(token.text());
                    if (token.origin() == Script.ARABIC) {
                        arabic.add(token.text());
                    }
                }
                for (String word : keys) {
                    documentFrequency.merge(word, 1, Integer::sum);
                }
                keys.addAll(joins(name.tokens()));
                for (String key : keys) {
                    lists.computeIfAbsent(key, k -> new ArrayList<>(2)).add(id);
                }
            }
        }
        this.parties = indexed.toArray(IndexedParty[]::new);
        this.arabicWords = Set.copyOf(arabic);
        this.postings = new HashMap<>(lists.size() * 2);
        Map<String, List<String>> skeletonLists = new HashMap<>();
        for (Map.Entry<String, List<Integer>> e : lists.entrySet()) {
            postings.put(e.getKey(), e.getValue().stream().mapToInt(Integer::intValue).toArray());
            String skeleton = NameSimilarity.skeleton(e.getKey());
            if (skeleton.length() >= 2) {
                skeletonLists.computeIfAbsent(skeleton, k -> new ArrayList<>(1)).add(e.getKey());
            }
        }
        this.vocabulary = postings.keySet().toArray(String[]::new);
        if (vocabulary.length > KEY_MASK) {
            throw new IllegalArgumentException("The register holds more distinct words than the index can address.");
        }
        this.deletions = deletionTable(vocabulary);
        this.skeletons = new HashMap<>(skeletonLists.size() * 2);
        skeletonLists.forEach((k, v) -> skeletons.put(k, v.toArray(String[]::new)));
        this.weights = TokenWeights.of(documentFrequency, parties.length);

        Map<String, List<Integer>> goods = new HashMap<>();
        List<Set<String>> words = new ArrayList<>(denials.length);
        Map<String, Integer> descriptionFrequency = new HashMap<>();
        for (int d = 0; d < denials.length; d++) {
            Denial denial = denials[d];
            Set<String> familiesSeen = new HashSet<>();
            for (String entry : denial.controlListEntries()) {
                String family = EntryComparison.family(entry);
                if (!family.isEmpty() && familiesSeen.add(family)) {
                    goods.computeIfAbsent(goodsKey(denial.destinationCountry(), family), k -> new ArrayList<>()).add(d);
                }
            }
            Set<String> description = DescriptionWords.of(denial.itemDescription());
            words.add(description);
            description.forEach(w -> descriptionFrequency.merge(w, 1, Integer::sum));
        }
        this.goodsByDestinationAndFamily = new HashMap<>();
        goods.forEach((k, v) -> goodsByDestinationAndFamily.put(k, v.stream().mapToInt(Integer::intValue).toArray()));
        this.descriptionWords = words;
        double documents = denials.length + 100.0;
        this.descriptionWeights = new HashMap<>();
        descriptionFrequency.forEach((w, df) -> descriptionWeights.put(w, Math.max(0.1, Math.log((documents + 1) / (df + 1)))));
        this.unknownDescriptionWeight = Math.log(documents + 1);
    }

    /**
     * Builds a screener with the default thresholds.
     *
     * @param denials         the register's denials (revoked ones are ignored)
     * @param registerVersion the register's version, recorded with every score
     * @return the screener
     */
    public static IndexedDenialScreener build(Collection<Denial> denials, String registerVersion) {
        return build(denials, registerVersion, ScreeningThresholds.defaults());
    }

    /**
     * Builds a screener.
     *
     * @param denials         the register's denials (revoked ones are ignored)
     * @param registerVersion the register's version, recorded with every score
     * @param thresholds      the thresholds
     * @return the screener
     */
    public static IndexedDenialScreener build(Collection<Denial> denials, String registerVersion,
                                              ScreeningThresholds thresholds) {
        if (denials == null) {
            throw new IllegalArgumentException("A screener needs the register's denials (possibly none).");
        }
        if (registerVersion == null || registerVersion.isBlank()) {
            throw new IllegalArgumentException("A screener needs the version of the register it is built from.");
        }
        if (thresholds == null) {
            throw new IllegalArgumentException("A screener needs its thresholds.");
        }
        return new IndexedDenialScreener(registerVersion, thresholds, denials);
    }

    @Override
    public String registerVersion() {
        return registerVersion;
    }

    /** @return how many valid denials the screener holds */
    public int denialCount() {
        return denials.length;
    }

    /** @return how many party names the screener indexes */
    public int partyCount() {
        return parties.length;
    }

    /** @return the thresholds in force */
    public ScreeningThresholds thresholds() {
        return thresholds;
    }

    @Override
    public List<DenialMatch> screen(ScreeningSubject subject, LocalDate day) {
        if (subject == null) {
            throw new IllegalArgumentException("Screening needs what is screened of the application.");
        }
        if (day == null) {
            throw new IllegalArgumentException("Screening needs the day of the screening.");
        }
        Map<Integer, PartyHit> bestByDenial = new LinkedHashMap<>();
        Map<Integer, PartyHit> bestCoreByDenial = new HashMap<>();
        for (ScreenedParty applicant : subject.parties()) {
            if (applicant == null) {
                continue;
            }
            NormalisedName name = NameNormaliser.normalise(applicant.name());
            if (name.isEmpty()) {
                continue;
            }
            NameSimilarity.WordCache cache = new NameSimilarity.WordCache(name);
            for (int candidate : candidates(name)) {
                IndexedParty indexed = parties[candidate];
                if (!denials[indexed.denial()].countsOn(day)) {
                    continue;
                }
                double nameSimilarity = NameSimilarity.similarity(name, indexed.name(), weights, cache);
                double score = partyScore(nameSimilarity, applicant.country(), indexed.party().country());
                if (score < thresholds.party()) {
                    continue;
                }
                PartyHit hit = new PartyHit(applicant, indexed.party(), name, indexed.name(), nameSimilarity, score);
                bestByDenial.merge(indexed.denial(), hit, PartyHit::stronger);
                if (isCore(applicant.role()) && isCore(indexed.party().role())) {
                    bestCoreByDenial.merge(indexed.denial(), hit, PartyHit::stronger);
                }
            }
        }
        List<Set<String>> applicationWords = new ArrayList<>();
        for (String description : subject.itemDescriptions()) {
            applicationWords.add(DescriptionWords.of(description));
        }
        List<DenialMatch> matches = new ArrayList<>();
        for (Map.Entry<Integer, PartyHit> e : bestByDenial.entrySet()) {
            Denial denial = denials[e.getKey()];
            Goods goods = goods(subject, applicationWords, e.getKey());
            PartyHit core = bestCoreByDenial.get(e.getKey());
            if (core != null && goods.essentiallyIdentical(thresholds)) {
                matches.add(Explanations.essentiallyIdentical(denial, core, goods, subject));
            } else {
                matches.add(Explanations.sameParty(denial, e.getValue(), goods, subject));
            }
        }
        List<DenialMatch> goodsOnly = new ArrayList<>();
        String destination = subject.destinationCountry();
        if (destination != null && thresholds.maxGoodsMatches() > 0) {
            Set<Integer> seen = new HashSet<>(bestByDenial.keySet());
            for (String family : families(subject.controlListEntries())) {
                for (int d : goodsByDestinationAndFamily.getOrDefault(goodsKey(destination, family), NO_POSTINGS)) {
                    if (!seen.add(d) || !denials[d].countsOn(day)) {
                        continue;
                    }
                    Goods goods = goods(subject, applicationWords, d);
                    if (goods.similar(thresholds)) {
                        goodsOnly.add(Explanations.similarGoods(denials[d], goods, subject));
                    }
                }
            }
        }
        goodsOnly.sort(Comparator.comparingDouble(DenialMatch::score).reversed().thenComparing(DenialMatch::denialId));
        matches.addAll(goodsOnly.subList(0, Math.min(goodsOnly.size(), thresholds.maxGoodsMatches())));
        matches.sort(Comparator.comparing(DenialMatch::verdict)
                .thenComparing(Comparator.comparingDouble(DenialMatch::score).reversed())
                .thenComparing(DenialMatch::denialId));
        return List.copyOf(matches);
    }

    /**
     * The party score: the name similarity, {@value ScreeningThresholds#SAME_COUNTRY_BONUS} more when both
     * countries are known and equal, as much less when both are known and differ; 0 to 1.
     *
     * @param nameSimilarity the names' similarity
     * @param a              one party's country, or {@code null}
     * @param b              the other's, or {@code null}
     * @return the party score
     */
    public static double partyScore(double nameSimilarity, String a, String b) {
        double adjustment = 0;
        if (a != null && b != null && !a.isBlank() && !b.isBlank()) {
            adjustment = a.equalsIgnoreCase(b) ? ScreeningThresholds.SAME_COUNTRY_BONUS : -ScreeningThresholds.SAME_COUNTRY_BONUS;
        }
        return Math.max(0, Math.min(1, nameSimilarity + adjustment));
    }

    private static boolean isCore(PartyRole role) {
        return role == PartyRole.END_USER || role == PartyRole.CONSIGNEE;
    }

    private Goods goods(ScreeningSubject subject, List<Set<String>> applicationWords, int d) {
        Denial denial = denials[d];
        EntryComparison bestEntry = new EntryComparison(0, "none");
        String applicationEntry = null;
        String denialEntry = null;
        for (String a : subject.controlListEntries()) {
            for (String b : denial.controlListEntries()) {
                EntryComparison c = EntryComparison.of(a, b);
                if (c.similarity() > bestEntry.similarity()) {
                    bestEntry = c;
                    applicationEntry = a;
                    denialEntry = b;
                }
            }
        }
        double bestDescription = 0;
        String applicationDescription = null;
        Set<String> denialWords = descriptionWords.get(d);
        for (int k = 0; k < applicationWords.size(); k++) {
            double s = DescriptionWords.similarity(applicationWords.get(k), denialWords, descriptionWeights,
                    unknownDescriptionWeight);
            if (applicationDescription == null || s > bestDescription) {
                bestDescription = s;
                applicationDescription = subject.itemDescriptions().get(k);
            }
        }
        boolean descriptionsKnown = applicationDescription != null && !denialWords.isEmpty();
        boolean sameDestination = subject.destinationCountry() != null
                && subject.destinationCountry().equalsIgnoreCase(Objects.toString(denial.destinationCountry(), ""));
        return new Goods(bestEntry, applicationEntry, denialEntry, bestDescription, applicationDescription,
                denial.itemDescription(), descriptionsKnown, denial.destinationCountry(), sameDestination);
    }

    private static List<String> families(List<String> entries) {
        List<String> families = new ArrayList<>();
        for (String entry : entries) {
            String family = EntryComparison.family(entry);
            if (!family.isEmpty() && !families.contains(family)) {
                families.add(family);
            }
        }
        return families;
    }

    private static String goodsKey(String destination, String family) {
        return Objects.toString(destination, "").toUpperCase(Locale.ROOT) + '|' + family;
    }

    /**
     * The party names that could reach the threshold against this name.
     * <p>
     * Each word's spellings in the index are looked up first (as written, one edit away, the same skeleton, joined
     * with a neighbour). A word with none weighs nothing here (it may still match a word more than one edit away,
     * so it cannot be counted on to keep a candidate under the threshold). The others are taken heaviest first (a word found only through other spellings weighs as the heaviest of them)
     * until the words left could not, together, reach the threshold: a name sharing none of the words taken cannot
     * match. A common word with a short neighbour is looked up only joined with it.
     */
    private int[] candidates(NormalisedName name) {
        List<NameToken> tokens = name.tokens();
        int n = tokens.size();
        List<Set<String>> spellings = new ArrayList<>(n);
        List<Set<String>> joinedSpellings = new ArrayList<>(n);
        boolean[] findableWord = new boolean[n];
        double[] weight = new double[n];
        Integer[] order = new Integer[n];
        double total = 0;
        double findable = 0;
        for (int i = 0; i < n; i++) {
            NameToken token = tokens.get(i);
            Set<String> keys = new HashSet<>();
            addSpellings(token.text(), keys);
            String[] sameSkeleton = skeletons.get(NameSimilarity.skeleton(token.text()));
            if (sameSkeleton != null) {
                for (String word : sameSkeleton) {
                    if (token.origin() == Script.ARABIC || arabicWords.contains(word)) {
                        keys.add(word);
                    }
                }
            }
            Set<String> joins = new HashSet<>();
            if (i > 0) {
                addJoin(tokens.get(i - 1).text(), token.text(), joins);
            }
            if (i + 1 < n) {
                addJoin(token.text(), tokens.get(i + 1).text(), joins);
            }
            spellings.add(keys);
            joinedSpellings.add(joins);
            double w = weights.weight(token.text());
            findableWord[i] = !keys.isEmpty() || !joins.isEmpty();
            if (!findableWord[i]) {
                // It may still match a word two edits away: it cannot be counted on to lower the score.
                w = 0;
            }
            if (findableWord[i] && !keys.contains(token.text())) {
                w = 0;
                for (String key : keys.isEmpty() ? joins : keys) {
                    w = Math.max(w, weights.weight(key));
                }
            }
            weight[i] = w;
            total += w;
            if (findableWord[i]) {
                findable += w;
            }
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> findableWord[x] != findableWord[y] ? (findableWord[x] ? -1 : 1)
                : Double.compare(weight[y], weight[x]));
        double threshold = Math.max(0.05, thresholds.party() - ScreeningThresholds.SAME_COUNTRY_BONUS - BLOCKING_MARGIN);
        double needed = threshold * total / (2 - threshold);
        double rest = findable;
        Set<String> keys = new HashSet<>();
        for (Integer i : order) {
            if (rest < needed || !findableWord[i]) {
                break;
            }
            rest -= weight[i];
            Set<String> own = spellings.get(i);
            Set<String> joined = joinedSpellings.get(i);
            if (!joined.isEmpty() && postingsSize(own) > COMMON_SYLLABLE_POSTINGS) {
                keys.addAll(joined);
            } else {
                keys.addAll(own);
                keys.addAll(joined);
            }
        }
        return union(keys);
    }

    private int postingsSize(Set<String> keys) {
        int size = 0;
        for (String key : keys) {
            size += postings.get(key).length;
        }
        return size;
    }

    /** Two neighbouring words written together, when both are short enough to be syllables of one word. */
    private void addJoin(String first, String second, Set<String> keys) {
        if (first.length() <= 6 && second.length() <= 6) {
            addSpellings(first + second, keys);
        } else {
            String joined = first + second;
            if (postings.containsKey(joined)) {
                keys.add(joined);
            }
        }
    }

    /**
     * The word and, for words long enough to be matched fuzzily, every indexed word one edit away (a letter
     * dropped, added, replaced, or two swapped), found through the single-deletion table (symmetric deletion: two
     * words one edit apart share a deletion or one is a deletion of the other).
     */
    private void addSpellings(String word, Set<String> keys) {
        if (postings.containsKey(word)) {
            keys.add(word);
        }
        if (word.length() <= NameSimilarity.SHORTEST_FUZZY) {
            return;
        }
        deletionMatches(word, keys);
        StringBuilder b = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            b.setLength(0);
            b.append(word, 0, i).append(word, i + 1, word.length());
            String deletion = b.toString();
            if (postings.containsKey(deletion) && deletion.length() > NameSimilarity.SHORTEST_FUZZY) {
                keys.add(deletion);
            }
            deletionMatches(deletion, keys);
        }
    }

    private void deletionMatches(String deletion, Set<String> keys) {
        long hash = hash40(deletion);
        int at = Arrays.binarySearch(deletions, hash << KEY_BITS);
        if (at < 0) {
            at = -at - 1;
        }
        for (int i = at; i < deletions.length && (deletions[i] >>> KEY_BITS) == hash; i++) {
            keys.add(vocabulary[(int) (deletions[i] & KEY_MASK)]);
        }
    }

    private static long hash40(CharSequence s) {
        long h = 1125899906842597L;
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        h ^= h >>> 32;
        return h & ((1L << (64 - KEY_BITS)) - 1);
    }

    /** Every single-letter deletion of every indexed word longer than three letters, as (hash, word index), sorted. */
    private static long[] deletionTable(String[] vocabulary) {
        int size = 0;
        for (String word : vocabulary) {
            if (word.length() > NameSimilarity.SHORTEST_FUZZY) {
                size += word.length();
            }
        }
        long[] table = new long[size];
        int at = 0;
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < vocabulary.length; k++) {
            String word = vocabulary[k];
            if (word.length() <= NameSimilarity.SHORTEST_FUZZY) {
                continue;
            }
            for (int i = 0; i < word.length(); i++) {
                b.setLength(0);
                b.append(word, 0, i).append(word, i + 1, word.length());
                table[at++] = (hash40(b) << KEY_BITS) | k;
            }
        }
        Arrays.sort(table);
        return table;
    }

    private int[] union(Set<String> keys) {
        List<int[]> lists = new ArrayList<>();
        List<int[]> common = new ArrayList<>();
        for (String key : keys) {
            int[] list = postings.get(key);
            (list.length > COMMON_WORD_POSTINGS ? common : lists).add(list);
        }
        if (lists.isEmpty() && !common.isEmpty()) {
            common.sort(Comparator.comparingInt(l -> l.length));
            lists.add(common.size() == 1 ? common.get(0) : intersection(common.get(0), common.get(1)));
        }
        int size = 0;
        for (int[] list : lists) {
            size += list.length;
        }
        int[] all = new int[size];
        int at = 0;
        for (int[] list : lists) {
            System.arraycopy(list, 0, all, at, list.length);
            at += list.length;
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    private static int[] intersection(int[] a, int[] b) {
        int[] out = new int[Math.min(a.length, b.length)];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < a.length && j < b.length) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                out[k++] = a[i];
                i++;
                j++;
            }
        }
        return Arrays.copyOf(out, k);
    }

    /** Pairs of adjacent short words written together: Chinese syllables are often written as one word in Latin. */
    private static List<String> joins(List<NameToken> tokens) {
        List<String> joins = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String a = tokens.get(i).text();
            String b = tokens.get(i + 1).text();
            if (a.length() <= 6 && b.length() <= 6) {
                joins.add(a + b);
            }
        }
        return joins;
    }

    private static NormalisedName interned(NormalisedName name, Map<String, NameToken> shared) {
        List<NameToken> tokens = new ArrayList<>(name.tokens().size());
        for (NameToken token : name.tokens()) {
            tokens.add(shared.computeIfAbsent(token.text() + '\u0000' + token.origin(), k -> token));
        }
        return new NormalisedName(tokens);
    }

    /** A party of the application matched to a party of a denial. */
    record PartyHit(ScreenedParty applicant, DenialParty denied, NormalisedName applicantName,
                    NormalisedName deniedName, double nameSimilarity, double score) {

        static PartyHit stronger(PartyHit a, PartyHit b) {
            return b.score > a.score ? b : a;
        }

        boolean transliterated() {
            return applicantName.transliterated() || deniedName.transliterated();
        }
    }

    /** The goods of the application compared with a denial's. */
    record Goods(EntryComparison entry, String applicationEntry, String denialEntry, double descriptionSimilarity,
                 String applicationDescription, String denialDescription, boolean descriptionsKnown,
                 String denialDestination, boolean sameDestination) {

        /** Same entry or family, and a similar description (or, when either has none, the same entry). */
        boolean essentiallyIdentical(ScreeningThresholds thresholds) {
            if (entry.similarity() <= 0) {
                return false;
            }
            return descriptionsKnown ? descriptionSimilarity >= thresholds.description() : entry.similarity() >= 1;
        }

        /** Essentially identical goods to the same destination. */
        boolean similar(ScreeningThresholds thresholds) {
            return sameDestination && essentiallyIdentical(thresholds);
        }

        /** 0..1: the entry's closeness weighing 0.6, the description's 0.4. */
        double score() {
            return 0.6 * entry.similarity() + 0.4 * descriptionSimilarity;
        }
    }
}
