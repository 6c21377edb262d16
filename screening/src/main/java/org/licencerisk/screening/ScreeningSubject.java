package org.licencerisk.screening;

import org.licencerisk.model.application.Consignee;
import org.licencerisk.model.application.Item;
import org.licencerisk.model.application.LicenceApplication;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /**
     * What is screened of an application: its end user, its consignee when given, its intermediaries when named,
     * the control list entries and descriptions of its goods, and its destination.
     *
     * @param application a validated application
     * @return the subject to screen
     */
    public static ScreeningSubject of(LicenceApplication application) {
        Objects.requireNonNull(application, "An application is needed to screen it against denials.");
        List<ScreenedParty> parties = new ArrayList<>();
        if (application.endUser() != null && hasName(application.endUser().name())) {
            parties.add(new ScreenedParty(PartyRole.END_USER, application.endUser().name(), application.endUser().country()));
        }
        Consignee consignee = application.consignee();
        if (consignee != null && hasName(consignee.name())) {
            parties.add(new ScreenedParty(PartyRole.CONSIGNEE, consignee.name(), consignee.country()));
        }
        addIntermediaries(application, parties);
        List<String> entries = new ArrayList<>();
        List<String> descriptions = new ArrayList<>();
        for (Item item : application.items()) {
            if (item.controlListEntry() != null && !entries.contains(item.controlListEntry())) {
                entries.add(item.controlListEntry());
            }
            if (hasName(item.description()) && !descriptions.contains(item.description())) {
                descriptions.add(item.description());
            }
        }
        return new ScreeningSubject(parties, entries, descriptions, application.destinationCountry());
    }

    /**
     * The one place where an application's intermediaries join the screened parties. Intermediaries carry no name
     * today ({@code Intermediary(role, country)}), so none is screened; when they gain an optional name, add each
     * named one here as {@code new ScreenedParty(PartyRole.INTERMEDIARY, name, country)}.
     */
    private static void addIntermediaries(LicenceApplication application, List<ScreenedParty> parties) {
        // Intermediaries have no name field yet: nothing of them can be matched by name.
    }

    private static boolean hasName(String value) {
        return value != null && !value.isBlank();
    }
}
