package org.licencerisk.functions.testing;

import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialMatch;
import org.licencerisk.screening.DenialParty;
import org.licencerisk.screening.DenialScreener;
import org.licencerisk.screening.FieldEvidence;
import org.licencerisk.screening.MatchVerdict;
import org.licencerisk.screening.PartyRole;
import org.licencerisk.screening.ScreenedParty;
import org.licencerisk.screening.ScreeningSubject;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A deliberately simple screener for the functions' tests (the real matching engine is the screening module's): a
 * party matches a denial's party when the names are equal ignoring case; with a shared control list entry and the end
 * user or consignee matched, the match is ESSENTIALLY_IDENTICAL, otherwise SAME_PARTY.
 */
public final class ExactNameScreener implements DenialScreener {

    private final List<Denial> denials;
    private final String version;

    public ExactNameScreener(List<Denial> denials, String version) {
        this.denials = List.copyOf(denials);
        this.version = version;
    }

    @Override
    public List<DenialMatch> screen(ScreeningSubject subject, LocalDate day) {
        List<DenialMatch> out = new ArrayList<>();
        for (Denial d : denials) {
            if (!d.countsOn(day)) {
                continue;
            }
            List<FieldEvidence> fields = new ArrayList<>();
            boolean principal = false;
            for (ScreenedParty p : subject.parties()) {
                for (DenialParty dp : d.parties()) {
                    if (p.name().toLowerCase(Locale.ROOT).equals(dp.name().toLowerCase(Locale.ROOT))) {
                        fields.add(new FieldEvidence(p.role().name(), p.name(), dp.name(), 1.0, "exact"));
                        principal |= p.role() == PartyRole.END_USER || p.role() == PartyRole.CONSIGNEE;
                    }
                }
            }
            if (fields.isEmpty()) {
                continue;
            }
            boolean sameGoods = subject.controlListEntries().stream().anyMatch(d.controlListEntries()::contains);
            MatchVerdict verdict = principal && sameGoods ? MatchVerdict.ESSENTIALLY_IDENTICAL : MatchVerdict.SAME_PARTY;
            out.add(new DenialMatch(d.denialId(), d.source(), d.notifyingState(), d.notifiedOn(),
                    verdict == MatchVerdict.ESSENTIALLY_IDENTICAL ? 1.0 : 0.9, verdict, fields,
                    "The same party name appears on the denial."));
        }
        out.sort((a, b) -> Double.compare(b.score(), a.score()));
        return out;
    }

    @Override
    public String registerVersion() {
        return version;
    }
}
