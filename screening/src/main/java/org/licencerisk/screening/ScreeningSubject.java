package org.licencerisk.screening;

import java.util.List;

/**
 * What of an application is screened against the denial register.
 *
 * @param parties            end user, consignee when given, intermediaries when named
 * @param controlListEntries the control list entries of the goods
 * @param itemDescriptions   the goods' descriptions; confidential, never logged
 * @param destinationCountry ISO 3166-1 alpha-2 code of the destination
 */
public record ScreeningSubject(
        List<ScreenedParty> parties,
        List<String> controlListEntries,
        List<String> itemDescriptions,
        String destinationCountry) {

    public ScreeningSubject {
        parties = List.copyOf(parties);
        controlListEntries = List.copyOf(controlListEntries);
        itemDescriptions = List.copyOf(itemDescriptions);
    }
}
