package org.licencerisk.screening.matching;

import org.junit.jupiter.api.Test;
import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialMatch;
import org.licencerisk.screening.DenialParty;
import org.licencerisk.screening.DenialSource;
import org.licencerisk.screening.DenialStatus;
import org.licencerisk.screening.FieldEvidence;
import org.licencerisk.screening.MatchVerdict;
import org.licencerisk.screening.PartyRole;
import org.licencerisk.screening.ScreenedParty;
import org.licencerisk.screening.ScreeningSubject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IndexedDenialScreenerTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 6);
    private static final String SURVEILLANCE = "IP network communications surveillance system with deep packet inspection";

    private static Denial denial(String id, String entry, String description, String destination, DenialParty... parties) {
        LocalDate notified = LocalDate.of(2025, 3, 1);
        return new Denial(id, DenialSource.NOTIFICATION, "DE", notified, List.of("2"), List.of(entry), description,
                destination, List.of(parties), DenialStatus.VALID, notified.plusYears(3));
    }

    private static DenialParty endUser(String name, String country) {
        return new DenialParty(PartyRole.END_USER, name, country, "1 Science Avenue");
    }

    private static ScreeningSubject subject(String endUser, String country, String entry, String description, String destination) {
        return new ScreeningSubject(List.of(new ScreenedParty(PartyRole.END_USER, endUser, country)), List.of(entry),
                List.of(description), destination);
    }

    /** A register where the firms of interest sit among others sharing their generic words and cities. */
    private static List<Denial> register(Denial... denials) {
        List<Denial> all = new ArrayList<>(List.of(denials));
        String[] brands = {"Xinda", "Baosheng", "Kelbrix", "Vantor", "Ruitai", "Zhongke", "Jiahui", "Tengfei"};
        for (int i = 0; i < brands.length; i++) {
            all.add(denial("OTHER-" + i, "9A012", "Unmanned aerial vehicle", "AE",
                    endUser("Shenzhen " + brands[i] + " Electronics Co., Ltd.", "CN")));
        }
        return all;
    }

    @Test
    void sameEndUserAndSameEntryWithASimilarDescriptionIsEssentiallyIdentical() {
        IndexedDenialScreener screener = IndexedDenialScreener.build(register(
                denial("DEN-1", "5A001.j", SURVEILLANCE, "CN", endUser("深圳市宏达电子有限公司", "CN"))), "v7");
        List<DenialMatch> matches = screener.screen(subject("Hongda Electronics Co. Ltd", "CN", "5A001.j",
                "Surveillance system for IP network communications with packet inspection", "CN"), DAY);
        assertEquals(1, matches.size());
        DenialMatch match = matches.get(0);
        assertEquals("DEN-1", match.denialId());
        assertEquals(MatchVerdict.ESSENTIALLY_IDENTICAL, match.verdict());
        assertEquals(DenialSource.NOTIFICATION, match.source());
        assertEquals("DE", match.notifyingState());
        assertTrue(match.score() > 0.75 && match.score() <= 1, "score " + match.score());
        assertTrue(match.reason().contains("consult the denying state"), match.reason());
        FieldEvidence name = match.fields().get(0);
        assertEquals("endUser.name", name.field());
        assertEquals("Hongda Electronics Co. Ltd", name.applicationValue());
        assertEquals("深圳市宏达电子有限公司", name.denialValue());
        assertEquals("transliterated weighted-token", name.method());
        assertTrue(match.fields().stream().anyMatch(f -> f.field().equals("controlListEntry") && f.method().equals("exact")));
        assertTrue(match.fields().stream().anyMatch(f -> f.field().equals("destinationCountry") && f.similarity() == 1));
        assertEquals("v7", screener.registerVersion());
    }

    @Test
    void theSameEntryFamilyWithASimilarDescriptionIsEssentiallyIdenticalToo() {
        IndexedDenialScreener screener = IndexedDenialScreener.build(register(
                denial("DEN-1", "5A001.f", "Mobile telecommunications interception equipment", "RU",
                        endUser("ООО «Вектор Системы»", "RU"))), "v1");
        DenialMatch match = screener.screen(subject("Vektor Systems LLC", "RU", "5A001.j",
                "Interception equipment for mobile telecommunications networks", "RU"), DAY).get(0);
        assertEquals(MatchVerdict.ESSENTIALLY_IDENTICAL, match.verdict());
        assertTrue(match.fields().stream().anyMatch(f -> f.field().equals("controlListEntry")
                && f.method().equals("entry-family") && f.similarity() == EntryComparison.FAMILY));
    }

    @Test
    void theSamePartyWithUnrelatedGoodsIsSameParty() {
        IndexedDenialScreener screener = IndexedDenialScreener.build(register(
                denial("DEN-1", "9A012", "Unmanned aerial vehicle", "AE", endUser("Al Noor Trading LLC", "AE"))), "v1");
        DenialMatch match = screener.screen(subject("شركة النور للتجارة", "AE", "5A002.a", "Encryption appliance", "AE"), DAY).get(0);
        assertEquals(MatchVerdict.SAME_PARTY, match.verdict());
        assertTrue(match.reason().contains("the goods are not related"), match.reason());
    }

    @Test
    void aMatchWithAnIntermediaryIsSamePartyEvenForIdenticalGoods() {
        IndexedDenialScreener screener = IndexedDenialScreener.build(register(
                denial("DEN-1", "5A001.j", SURVEILLANCE, "CN", endUser("Ruitai Holdings", "CN"),
                        new DenialParty(PartyRole.INTERMEDIARY, "Kelsarvo Logistics FZE", "AE", null))), "v1");
        DenialMatch match = screener.screen(subject("Kelsarvo Logistics", "AE", "5A001.j", SURVEILLANCE, "CN"), DAY).get(0);
        assertEquals(MatchVerdict.SAME_PARTY, match.verdict(), "essentially identical needs the end user or consignee");
    }

    @Test
    void similarGoodsToTheSameDestinationWithNoPartyInCommon() {
        IndexedDenialScreener screener = IndexedDenialScreener.build(register(
                denial("DEN-1", "5A001.j", SURVEILLANCE, "IR", endUser("Zagros Telecom Systems", "IR"))), "v1");
        List<DenialMatch> matches = screener.screen(subject("Kelbrix Networks", "IR", "5A001.j", SURVEILLANCE, "IR"), DAY);
        assertEquals(1, matches.size());
        assertEquals(MatchVerdict.SIMILAR_GOODS_SAME_DESTINATION, matches.get(0).verdict());
        assertTrue(screener.screen(subject("Kelbrix Networks", "IR", "5A001.j", SURVEILLANCE, "SY"), DAY).isEmpty(),
                "another destination");
        assertTrue(screener.screen(subject("Kelbrix Networks", "IR", "5A001.j", "Rubidium atomic clock", "IR"), DAY).isEmpty(),
                "a different description");
    }

    @Test
    void differentFirmsSharingGenericWordsAndACityDoNotMatch() {
        IndexedDenialScreener screener = IndexedDenialScreener.build(register(
                denial("DEN-1", "5A001.j", SURVEILLANCE, "CN", endUser("Shenzhen Hongda Electronics Co., Ltd.", "CN"))), "v1");
        List<DenialMatch> matches = screener.screen(subject("Shenzhen Meixin Electronics Co., Ltd.", "CN", "3A001.a",
                "Radiation-hardened circuits", "CN"), DAY);
        assertTrue(matches.isEmpty(), matches.toString());
    }

    @Test
    void countryIsEvidenceNotAFilter() {
        IndexedDenialScreener screener = IndexedDenialScreener.build(register(
                denial("DEN-1", "9A012", "Unmanned aerial vehicle", "AE", endUser("Kelsarvo Logistics FZE", "AE"))), "v1");
        DenialMatch same = screener.screen(subject("Kelsarvo Logistics", "AE", "1C010.b", "Carbon fibre", "TR"), DAY).get(0);
        DenialMatch other = screener.screen(subject("Kelsarvo Logistics", "TR", "1C010.b", "Carbon fibre", "TR"), DAY).get(0);
        assertTrue(other.score() < same.score());
        assertEquals(MatchVerdict.SAME_PARTY, other.verdict());
    }

    @Test
    void typosAndWordOrderStillMatch() {
        IndexedDenialScreener screener = IndexedDenialScreener.build(register(
                denial("DEN-1", "9A012", "Unmanned aerial vehicle", "AE", endUser("Kelsarvo Precision Instruments", "TR"))), "v1");
        assertEquals("DEN-1", screener.screen(subject("Precision Instruments Kelsavro", "TR", "1C010.b", "Carbon", "TR"), DAY)
                .get(0).denialId());
    }

    @Test
    void onlyDenialsThatCountOnTheDayMatch() {
        LocalDate notified = LocalDate.of(2023, 1, 10);
        Denial expiring = new Denial("DEN-OLD", DenialSource.OWN, "NL", notified, List.of("7"), List.of("9A012"), "UAV",
                "AE", List.of(endUser("Kelsarvo Logistics", "AE")), DenialStatus.VALID, notified.plusYears(3));
        Denial revoked = new Denial("DEN-REV", DenialSource.NOTIFICATION, "FR", notified, List.of("7"), List.of("9A012"),
                "UAV", "AE", List.of(endUser("Kelsarvo Logistics", "AE")), DenialStatus.REVOKED, notified.plusYears(3));
        IndexedDenialScreener screener = IndexedDenialScreener.build(List.of(expiring, revoked), "v1");
        ScreeningSubject subject = subject("Kelsarvo Logistics", "AE", "1C010.b", "Carbon", "TR");
        assertEquals(List.of("DEN-OLD"), screener.screen(subject, notified.plusYears(3)).stream().map(DenialMatch::denialId).toList(),
                "on its review day it still counts; a revoked denial never does");
        assertTrue(screener.screen(subject, notified.plusYears(3).plusDays(1)).isEmpty(), "past its review date it no longer counts");
        assertEquals(1, screener.denialCount());
    }

    @Test
    void strongestFirst() {
        IndexedDenialScreener screener = IndexedDenialScreener.build(register(
                denial("DEN-PARTY", "9A012", "Unmanned aerial vehicle", "CN", endUser("Hongda Electronics", "CN")),
                denial("DEN-EI", "5A001.j", SURVEILLANCE, "CN", endUser("Hongda Electronics Ltd", "CN")),
                denial("DEN-GOODS", "5A001.j", SURVEILLANCE, "CN", endUser("Jiangnan Optical Works", "CN"))), "v1");
        List<DenialMatch> matches = screener.screen(subject("Hongda Electronics", "CN", "5A001.j", SURVEILLANCE, "CN"), DAY);
        assertEquals(List.of("DEN-EI", "DEN-PARTY", "DEN-GOODS"), matches.stream().map(DenialMatch::denialId).toList());
    }

    @Test
    void reasonsNameNoPartyAndNoDescription() {
        IndexedDenialScreener screener = IndexedDenialScreener.build(register(
                denial("DEN-1", "5A001.j", SURVEILLANCE, "CN", endUser("Hongda Electronics", "CN"))), "v1");
        for (DenialMatch match : screener.screen(subject("Hongda Electronics", "CN", "5A001.j", SURVEILLANCE, "CN"), DAY)) {
            assertFalse(match.reason().toLowerCase().contains("hongda"), match.reason());
            assertFalse(match.reason().toLowerCase().contains("packet"), match.reason());
        }
    }

    @Test
    void anEmptyRegisterMatchesNothing() {
        IndexedDenialScreener screener = IndexedDenialScreener.build(List.of(), "empty");
        assertTrue(screener.screen(subject("Hongda Electronics", "CN", "5A001.j", SURVEILLANCE, "CN"), DAY).isEmpty());
    }

    @Test
    void refusesBadInput() {
        assertThrows(IllegalArgumentException.class, () -> IndexedDenialScreener.build(null, "v1"));
        assertThrows(IllegalArgumentException.class, () -> IndexedDenialScreener.build(List.of(), " "));
        assertThrows(IllegalArgumentException.class, () -> IndexedDenialScreener.build(List.of(), "v1", null));
        IndexedDenialScreener screener = IndexedDenialScreener.build(List.of(), "v1");
        assertThrows(IllegalArgumentException.class, () -> screener.screen(null, DAY));
        assertThrows(IllegalArgumentException.class, () -> screener.screen(subject("A", "CN", "5A001", "x", "CN"), null));
        assertThrows(IllegalArgumentException.class, () -> new ScreeningThresholds(0, 0.4, 10));
        assertThrows(IllegalArgumentException.class, () -> new ScreeningThresholds(0.8, 1.5, 10));
        assertThrows(IllegalArgumentException.class, () -> new ScreeningThresholds(0.8, 0.4, -1));
    }
}
