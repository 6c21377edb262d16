package org.licencerisk.screening.names;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NameNormaliserTest {

    private static String text(List<NameToken> tokens) {
        return new NormalisedName(tokens).text();
    }

    private static String normalised(String name) {
        return NameNormaliser.normalise(name).text();
    }

    @Test
    void foldsCaseAccentsAndCompatibilityForms() {
        assertEquals("societe generale d'equipement", NameNormaliser.fold("Société GÉNÉRALE d'Équipement"));
        assertEquals("muller fi", NameNormaliser.fold("Müller ﬁ"), "ligatures decompose");
        assertEquals("abc 12", NameNormaliser.fold("ＡＢＣ １２"), "full-width forms become ASCII");
        assertEquals("τεχνολογιες", NameNormaliser.fold("Τεχνολογίες"), "Greek accents go");
        assertEquals("елка", NameNormaliser.fold("Ёлка"), "the diaeresis of Cyrillic ё goes too");
    }

    @Test
    void joinsDottedInitials() {
        assertEquals("sa.", NameNormaliser.joinInitials("s.a."));
        assertEquals("usa. trading", NameNormaliser.joinInitials("u.s.a. trading"));
        assertEquals("co. ltd.", NameNormaliser.joinInitials("co. ltd."), "abbreviated words keep their dot");
        assertEquals("ооо.", NameNormaliser.joinInitials("о.о.о."), "in any script");
    }

    @Test
    void breaksWordsAtPunctuationAndReadsAmpersandAsAnd() {
        assertEquals("smith and sons co ltd", text(NameNormaliser.tokens("smith & sons co., ltd.")));
        assertEquals("al khaleej", text(NameNormaliser.tokens("al-khaleej")));
        assertEquals("obrien", text(NameNormaliser.tokens("o'brien")), "apostrophes join");
    }

    @ParameterizedTest
    @CsvSource({
            "ооо ромашка, ooo romashka, CYRILLIC",
            "щука хабаровск, shchuka khabarovsk, CYRILLIC",
            "объединенная, obedinennaya, CYRILLIC",
            "τεχνολογιες αθηνα, technologies athina, GREEK",
            "ουρανος ευρωπη, ouranos evropi, GREEK",
            "محمد, mhmd, ARABIC",
            "الخليج, alkhlyj, ARABIC",
            "華為, hua wei, HAN",
            "深圳宏达, shen zhen hong da, HAN",
    })
    void transliteratesEachScript(String folded, String expected, Script origin) {
        List<NameToken> tokens = NameNormaliser.tokens(folded);
        assertEquals(expected, text(tokens));
        assertTrue(tokens.stream().allMatch(t -> t.origin() == origin), "each word remembers its script");
    }

    @Test
    void dropsTheChineseCityMarker() {
        assertEquals("shen zhen hong da", text(NameNormaliser.tokens("深圳市宏达")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hongda Electronics Co., Ltd.|hongda electronics",
            "Hongda Electronics Company Limited|hongda electronics",
            "Hongda Electronics Ltd (HK)|hongda electronics",
            "Vega Systems GmbH|vega systems",
            "OOO Romashka|romashka",
            "ООО «Ромашка»|romashka",
            "Общество с ограниченной ответственностью Ромашка|romashka",
            "ZAO Vektor|vektor",
            "Vektor PJSC|vektor",
            "Alfa Trade S.A.|alfa trade",
            "Al Noor Est.|al noor",
            "Al Noor LLC|al noor",
            "Kelbrix Inc.|kelbrix",
            "Kelbrix Corp.|kelbrix",
            "宏达电子有限公司|hong da dian zi",
            "شركة النور|alnwr",
            "النور ذ.م.م|alnwr",
            "Ολυμπος Α.Ε.|olympos",
    })
    void removesLegalFormsAtEitherEnd(String name, String expected) {
        assertEquals(expected, text(NameNormaliser.withoutLegalForms(NameNormaliser.tokens(
                NameNormaliser.joinInitials(NameNormaliser.fold(name))))));
    }

    @Test
    void neverRemovesEveryWord() {
        assertEquals("limited", normalised("Limited"));
        assertEquals(1, NameNormaliser.withoutLegalForms(NameNormaliser.tokens("co ltd")).size());
    }

    @Test
    void keepsALegalFormWordInTheMiddle() {
        assertEquals("alpha company beta", text(NameNormaliser.withoutLegalForms(NameNormaliser.tokens("alpha company beta"))));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Kelbrix Intl Tech|kelbrix international technology",
            "Kelbrix International Technologies|kelbrix international technology",
            "Romashka Tekhnologii|romashka technology",
            "Hongda Keji|hongda technology",
            "The Bank of Kelbrix|bank kelbrix",
            "Kelbrix Mfg & Trading|kelbrix manufacturing trading",
    })
    void spellsGenericWordsOneWayAndDropsFillers(String name, String expected) {
        assertEquals(expected, normalised(name));
    }

    @Test
    void removesTheArabicArticleFromArabicWordsOnly() {
        assertEquals("nwr", normalised("النور"));
        assertEquals("khlyj trading", normalised("الخليج للتجارة"));
        assertEquals("alpha", normalised("Alpha"), "a Latin word starting with al is left alone");
    }

    @Test
    void chineseSyllablesAreNeverTakenForFillerWords() {
        assertEquals("hong de", normalised("宏德"));
    }

    @Test
    void nativeAndLatinSpellingsConverge() {
        assertEquals(normalised("ООО Ромашка"), normalised("Romashka LLC"));
        assertEquals(normalised("Ολυμπος Α.Ε."), normalised("OLYMPOS S.A."));
    }

    @Test
    void blankNamesHaveNoWords() {
        assertTrue(NameNormaliser.normalise(null).isEmpty());
        assertTrue(NameNormaliser.normalise("  ").isEmpty());
        assertTrue(NameNormaliser.normalise("!!!").isEmpty());
    }
}
