package org.licencerisk.screening.matching;

import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialMatch;
import org.licencerisk.screening.FieldEvidence;
import org.licencerisk.screening.MatchVerdict;
import org.licencerisk.screening.PartyRole;
import org.licencerisk.screening.ScreeningSubject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A match's field-by-field evidence and its one-sentence reason. The reason names roles, entries, countries and
 * similarities, never a party's name or a description (those are in the fields, which only officers see).
 */
final class Explanations {

    private Explanations() {
    }

    static DenialMatch essentiallyIdentical(Denial denial, IndexedDenialScreener.PartyHit party,
                                            IndexedDenialScreener.Goods goods, ScreeningSubject subject) {
        double score = round(0.5 * party.score() + 0.5 * goods.score());
        String reason = String.format(Locale.ROOT,
                "The application's %s matches the %s named on this denial (%s) and the goods are essentially identical "
                        + "(%s%s): consult the denying state before granting.",
                role(party.applicant().role()), role(party.denied().role()), partyDetail(party), entryDetail(goods),
                descriptionDetail(goods));
        return match(denial, score, MatchVerdict.ESSENTIALLY_IDENTICAL, evidence(party, goods, subject), reason);
    }

    static DenialMatch sameParty(Denial denial, IndexedDenialScreener.PartyHit party,
                                 IndexedDenialScreener.Goods goods, ScreeningSubject subject) {
        String goodsPart = goods.entry().similarity() > 0
                ? "the goods are related (" + entryDetail(goods) + descriptionDetail(goods) + ") but not essentially identical"
                : "the goods are not related";
        String reason = String.format(Locale.ROOT, "The application's %s matches the %s named on this denial (%s); %s.",
                role(party.applicant().role()), role(party.denied().role()), partyDetail(party), goodsPart);
        return match(denial, round(party.score()), MatchVerdict.SAME_PARTY, evidence(party, goods, subject), reason);
    }

    static DenialMatch similarGoods(Denial denial, IndexedDenialScreener.Goods goods, ScreeningSubject subject) {
        String reason = String.format(Locale.ROOT,
                "No party matches, but goods essentially identical to the denied ones (%s%s) go to the same destination (%s).",
                entryDetail(goods), descriptionDetail(goods), subject.destinationCountry());
        return match(denial, round(0.9 * goods.score()), MatchVerdict.SIMILAR_GOODS_SAME_DESTINATION,
                evidence(null, goods, subject), reason);
    }

    private static DenialMatch match(Denial denial, double score, MatchVerdict verdict, List<FieldEvidence> fields,
                                     String reason) {
        return new DenialMatch(denial.denialId(), denial.source(), denial.notifyingState(), denial.notifiedOn(), score,
                verdict, fields, reason);
    }

    private static List<FieldEvidence> evidence(IndexedDenialScreener.PartyHit party, IndexedDenialScreener.Goods goods,
                                                ScreeningSubject subject) {
        List<FieldEvidence> fields = new ArrayList<>();
        if (party != null) {
            String field = field(party.applicant().role());
            boolean exact = party.applicantName().text().equals(party.deniedName().text());
            String method = exact ? "normalised-exact" : "weighted-token";
            if (party.transliterated()) {
                method = "transliterated " + method;
            }
            fields.add(new FieldEvidence(field + ".name", party.applicant().name(), party.denied().name(),
                    round(party.nameSimilarity()), method));
            String a = party.applicant().country();
            String b = party.denied().country();
            fields.add(new FieldEvidence(field + ".country", a, b, a != null && a.equalsIgnoreCase(b) ? 1 : 0, "exact"));
        }
        if (goods.applicationEntry() != null) {
            fields.add(new FieldEvidence("controlListEntry", goods.applicationEntry(), goods.denialEntry(),
                    goods.entry().similarity(), goods.entry().method()));
        }
        if (goods.descriptionsKnown()) {
            fields.add(new FieldEvidence("itemDescription", goods.applicationDescription(), goods.denialDescription(),
                    round(goods.descriptionSimilarity()), "weighted-word-overlap"));
        }
        fields.add(new FieldEvidence("destinationCountry", subject.destinationCountry(), goods.denialDestination(),
                goods.sameDestination() ? 1 : 0, "exact"));
        return fields;
    }

    private static String partyDetail(IndexedDenialScreener.PartyHit party) {
        String a = party.applicant().country();
        String b = party.denied().country();
        String country = a == null || b == null ? "country not compared"
                : a.equalsIgnoreCase(b) ? "same country" : "different country";
        return String.format(Locale.ROOT, "name similarity %.2f%s, %s", party.nameSimilarity(),
                party.transliterated() ? " after transliteration" : "", country);
    }

    private static String entryDetail(IndexedDenialScreener.Goods goods) {
        switch (goods.entry().method()) {
            case "exact":
                return "same control list entry " + goods.applicationEntry();
            case "entry-subitem":
                return "control list entry " + goods.applicationEntry() + " within " + goods.denialEntry();
            case "entry-family":
                return "same entry family " + EntryComparison.family(goods.applicationEntry()) + ": "
                        + goods.applicationEntry() + " and " + goods.denialEntry();
            default:
                return "no control list entry in common";
        }
    }

    private static String descriptionDetail(IndexedDenialScreener.Goods goods) {
        return goods.descriptionsKnown()
                ? String.format(Locale.ROOT, ", description similarity %.2f", goods.descriptionSimilarity())
                : ", descriptions not compared";
    }

    private static String role(PartyRole role) {
        return role.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String field(PartyRole role) {
        switch (role) {
            case END_USER:
                return "endUser";
            case CONSIGNEE:
                return "consignee";
            case INTERMEDIARY:
                return "intermediary";
            default:
                return "purchaser";
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
