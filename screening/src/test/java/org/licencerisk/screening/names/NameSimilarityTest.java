package org.licencerisk.screening.names;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameSimilarityTest {

    /** A register where Electronics, Trading and Shenzhen are common and the brands rare. */
    private static final TokenWeights WEIGHTS = TokenWeights.of(Map.of("electronics", 4_000, "trading", 5_000,
            "shenzhen", 3_000, "hongda", 2, "meixin", 1), 50_000);

    private static double similarity(String a, String b) {
        return NameSimilarity.similarity(NameNormaliser.normalise(a), NameNormaliser.normalise(b), WEIGHTS);
    }

    @Test
    void theSameNameAfterNormalisationIsOne() {
        assertEquals(1.0, similarity("Hongda Electronics Co., Ltd.", "HONGDA ELECTRONICS COMPANY LIMITED"), 1e-9);
    }

    @Test
    void wordOrderDoesNotMatter() {
        assertEquals(1.0, similarity("Hongda Electronics", "Electronics Hongda"), 1e-9);
    }

    @Test
    void aTypoInTheBrandCostsLittle() {
        assertTrue(similarity("Hongda Electronics", "Hongdda Electronics") > 0.9);
    }

    @Test
    void aDroppedCityCostsLittleAndAnotherBrandCostsMuch() {
        double cityDropped = similarity("Shenzhen Hongda Electronics", "Hongda Electronics");
        double otherBrand = similarity("Shenzhen Hongda Electronics", "Shenzhen Meixin Electronics");
        assertTrue(cityDropped > 0.85, "city dropped " + cityDropped);
        assertTrue(otherBrand < 0.5, "other brand " + otherBrand);
    }

    @Test
    void rareWordsWeighMoreThanGenericOnes() {
        assertTrue(WEIGHTS.weight("hongda") > 3 * WEIGHTS.weight("electronics"));
        assertTrue(TokenWeights.priorsOnly().weight("kelbrix") > 3 * TokenWeights.priorsOnly().weight("trading"),
                "generic words weigh little even with no register");
    }

    @Test
    void chineseSyllablesJoinToMatchALatinWord() {
        assertTrue(similarity("深圳市宏达电子有限公司", "Hongda Electronics Co., Ltd.") > 0.8);
    }

    @Test
    void arabicWordsMatchTheirLatinSpellingsByConsonants() {
        assertEquals(NameSimilarity.SKELETON_SIMILARITY,
                NameSimilarity.wordSimilarity(new NameToken("nwr", Script.ARABIC), NameToken.latin("noor")), 1e-9);
        assertEquals(0, NameSimilarity.wordSimilarity(NameToken.latin("nwr"), NameToken.latin("noor")),
                "only a word written in Arabic is compared by consonants");
        assertTrue(similarity("شركة النور للتجارة", "Al Noor Trading LLC") > 0.8);
    }

    @Test
    void romanisationsOfRussianAndGreekNamesConverge() {
        assertTrue(NameSimilarity.wordSimilarity(NameToken.latin("jamin"), NameToken.latin("yamin")) >= 0.93);
        assertTrue(NameSimilarity.wordSimilarity(NameToken.latin("cronus"), NameToken.latin("kronos")) >= 0.93);
        assertEquals(NameSimilarity.romanisationFold("khabarovsk"), NameSimilarity.romanisationFold("habarowsk"));
    }

    @Test
    void shortWordsMatchOnlyExactly() {
        assertEquals(0, NameSimilarity.wordSimilarity(NameToken.latin("abc"), NameToken.latin("abd")));
        assertEquals(1, NameSimilarity.wordSimilarity(NameToken.latin("abc"), NameToken.latin("abc")));
    }

    @Test
    void anEmptyNameMatchesNothing() {
        assertEquals(0, similarity("", "Hongda"));
        assertEquals(0, similarity("Hongda", null));
    }
}
