package org.licencerisk.model.synthetic;

import org.licencerisk.model.application.EndUserType;
import org.licencerisk.model.reference.ReferenceData;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Stated end uses for synthetic applications: specific texts built from templates, and vague ones of the kind
 * due-diligence guidance warns about. Whether a text counts as vague is decided by the feature code
 * ({@code ApplicationField.isVagueEndUse}), not here.
 */
final class EndUseTexts {

    static final List<String> VAGUE = List.of(
            "General use", "Resale", "Various projects", "Security purposes", "Government use", "TBD", "Civil use",
            "Stock for future orders", "Use by the end user", "General purpose equipment for the customer",
            "For the customer's various projects in the region", "Network equipment", "Other", "Miscellaneous supplies");

    private static final List<String> SECTORS = List.of("retail bank", "regional hospital group", "insurance company",
            "logistics company", "university medical centre", "port authority", "energy distribution company",
            "payment service provider", "airline", "water utility");
    private static final List<String> CRYPTO = List.of(
            "Encryption of VPN links between the %d branch offices of a %s in %s",
            "Secure storage of customer records in the data centre of a %2$s in %3$s",
            "Integration into hardware security modules for card payments at a %2$s in %3$s",
            "Protection of remote maintenance connections for %d industrial control sites of a %s",
            "Encrypted e-mail and file exchange for the %2$s's staff in %3$s");
    private static final List<String> TELECOM = List.of(
            "Expansion of the 4G radio access network of the operator in %3$s, %1$d new sites",
            "Microwave backhaul links for rural mobile coverage in %3$s",
            "Core network upgrade for the operator's fixed broadband service in %3$s");
    private static final List<String> SURVEILLANCE_BENIGN = List.of(
            "Intrusion detection on the end user's own corporate network across its %d sites",
            "Penetration testing courses for the end user's computer emergency response team",
            "Vulnerability research and red-team exercises on the end user's own infrastructure",
            "Quality assurance of the operator's network by monitoring signalling load in %3$s");
    private static final List<String> SURVEILLANCE_STATE = List.of(
            "Lawful interception of IP traffic at the national monitoring centre under court warrants",
            "Interception of mobile communications in criminal investigations by the national police of %3$s",
            "Analysis of internet traffic for investigations into serious crime in %3$s",
            "Monitoring of communications for counter-terrorism investigations by the intelligence service");
    private static final List<String> INDUSTRIAL = List.of(
            "Production of automotive parts at the end user's plant in %3$s",
            "Quality inspection of semiconductor wafers on the production line in %3$s",
            "Research on corrosion of offshore structures at the university laboratory in %3$s",
            "Maintenance of the end user's fleet of %d agricultural survey drones",
            "Calibration of test benches in the end user's electronics repair workshop",
            "Manufacture of pharmaceutical intermediates at a licensed plant in %3$s");
    private static final List<String> MILITARY = List.of(
            "Upgrade of the fire-control systems of the navy's %d patrol vessels",
            "Replacement parts for the air force's transport aircraft fleet",
            "Training of army signals units in secure radio communications",
            "Body armour for the armed forces' contingent in a UN peacekeeping mission",
            "Integration into the coast guard's maritime surveillance aircraft");

    /** English country names, computed once: the JDK's display-name lookup is slow for a hot loop. */
    private static final Map<String, String> COUNTRY_NAMES = ReferenceData.shipped().listedCountries().stream()
            .collect(Collectors.toUnmodifiableMap(c -> c, ReferenceData::countryName));

    private EndUseTexts() {
    }

    /** Returns a specific end use for goods of a kind, going to an end user of a type in a country. */
    static String specific(SplittableRandom random, GoodsKind kind, EndUserType endUser, String destination) {
        List<String> templates = switch (kind) {
            case CRYPTO -> CRYPTO;
            case TELECOM -> TELECOM;
            case SURVEILLANCE, CATCH_ALL -> endUser == EndUserType.POLICE_OR_SECURITY || endUser == EndUserType.GOVERNMENT
                    || endUser == EndUserType.MILITARY ? SURVEILLANCE_STATE : SURVEILLANCE_BENIGN;
            case INDUSTRIAL -> INDUSTRIAL;
            case MILITARY_LIST -> MILITARY;
        };
        String template = templates.get(random.nextInt(templates.size()));
        return String.format(Locale.ROOT, template, 2 + random.nextInt(40),
                SECTORS.get(random.nextInt(SECTORS.size())), COUNTRY_NAMES.getOrDefault(destination, destination));
    }

    /** Returns a vague end use. */
    static String vague(SplittableRandom random) {
        return VAGUE.get(random.nextInt(VAGUE.size()));
    }
}
