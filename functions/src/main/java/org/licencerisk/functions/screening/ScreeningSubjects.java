package org.licencerisk.functions.screening;

import org.licencerisk.model.application.Intermediary;
import org.licencerisk.model.application.Item;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.screening.PartyRole;
import org.licencerisk.screening.ScreenedParty;
import org.licencerisk.screening.ScreeningSubject;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What of an application is screened: end user, consignee when given, intermediaries when named; goods; destination. */
public final class ScreeningSubjects {

    private ScreeningSubjects() {
    }

    /** The screening subject of an application. */
    public static ScreeningSubject of(LicenceApplication a) {
        List<ScreenedParty> parties = new ArrayList<>();
        parties.add(new ScreenedParty(PartyRole.END_USER, a.endUser().name(), a.endUser().country()));
        if (a.consignee() != null) {
            parties.add(new ScreenedParty(PartyRole.CONSIGNEE, a.consignee().name(), a.consignee().country()));
        }
        for (Intermediary i : a.intermediaries()) {
            if (i.name() != null) {
                parties.add(new ScreenedParty(PartyRole.INTERMEDIARY, i.name(), i.country()));
            }
        }
        return new ScreeningSubject(parties,
                a.items().stream().map(Item::controlListEntry).filter(Objects::nonNull).distinct().toList(),
                a.items().stream().map(Item::description).filter(Objects::nonNull).toList(),
                a.destinationCountry());
    }
}
