package org.licencerisk.screening.synthetic;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Labelled pairs of party names for measuring name matching, seeded and synthetic.
 * <p>
 * Half the pairs are the same firm written twice, independently: native script or Latin (and, for Cyrillic, one of
 * four romanisations), legal form kept, changed or dropped, generic words spelt out or abbreviated, a city added or
 * dropped, word order changed, a typo in the brand, punctuation and case. The other half are hard negatives: two
 * different firms of the same country and city with the same generic words and legal form, only the brand differs
 * (Arabic firms in particular often share a brand word, so some negatives share it too: a person's given name).
 */
public final class LabelledNamePairs {

    /**
     * One labelled pair.
     *
     * @param a        one name
     * @param aCountry its country
     * @param b        the other name
     * @param bCountry its country
     * @param sameFirm whether both name the same firm
     * @param kind     the script family of the firm(s)
     */
    public record Pair(String a, String aCountry, String b, String bCountry, boolean sameFirm, FirmNames.Kind kind) {
    }

    private LabelledNamePairs() {
    }

    /**
     * Generates pairs, half of them the same firm.
     *
     * @param seed  the seed: the same seed gives the same pairs
     * @param count how many pairs (at least 2)
     * @return the pairs, positives and negatives alternating
     */
    public static List<Pair> generate(long seed, int count) {
        if (count < 2) {
            throw new IllegalArgumentException("At least two labelled pairs are needed: one of each kind.");
        }
        Random random = new Random(seed);
        List<Pair> pairs = new ArrayList<>(count);
        while (pairs.size() < count) {
            SyntheticFirm firm = FirmNames.firm(random);
            if (pairs.size() % 2 == 0) {
                String a = firm.render(random);
                String b = firm.render(random);
                for (int i = 0; i < 10 && b.equals(a); i++) {
                    b = firm.render(random);
                }
                pairs.add(new Pair(a, firm.country(), b, firm.country(), true, firm.kind()));
            } else {
                SyntheticFirm other = FirmNames.lookalike(firm, random);
                pairs.add(new Pair(firm.render(random), firm.country(), other.render(random), other.country(), false,
                        firm.kind()));
            }
        }
        return pairs;
    }
}
