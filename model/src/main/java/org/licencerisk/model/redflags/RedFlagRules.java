package org.licencerisk.model.redflags;

import org.licencerisk.model.application.EndUserType;
import org.licencerisk.model.application.Item;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.application.LicenceType;
import org.licencerisk.model.features.ApplicationField;
import org.licencerisk.model.reference.CountryProfile;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.scoring.RedFlag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Deterministic red-flag rules, independent of any model, taken from the EU due-diligence guidance for
 * cyber-surveillance items (Recommendation (EU) 2024/2659), Art. 5 and Art. 15 of Regulation (EU) 2021/821 and the
 * criteria of Common Position 2008/944/CFSP. Each flag names the criterion it relates to. Thread-safe.
 */
public final class RedFlagRules {

    /** Codes of the flags, stable for clients. */
    public static final String EMBARGOED_DESTINATION = "EMBARGOED_DESTINATION";
    public static final String SANCTIONED_DESTINATION = "SANCTIONED_DESTINATION";
    public static final String SURVEILLANCE_FOR_SECURITY_END_USER = "SURVEILLANCE_FOR_SECURITY_END_USER";
    public static final String CATCH_ALL_CYBER_SURVEILLANCE = "CATCH_ALL_CYBER_SURVEILLANCE";
    public static final String MISSING_END_USER_STATEMENT = "MISSING_END_USER_STATEMENT";
    public static final String THIRD_COUNTRY_INTERMEDIARY = "THIRD_COUNTRY_INTERMEDIARY";
    public static final String VAGUE_END_USE = "VAGUE_END_USE";
    public static final String END_USER_OUTSIDE_DESTINATION = "END_USER_OUTSIDE_DESTINATION";
    public static final String DISPROPORTIONATE_ORDER = "DISPROPORTIONATE_ORDER";
    public static final String GLOBAL_LICENCE_WITHOUT_ICP = "GLOBAL_LICENCE_WITHOUT_ICP";

    /** Order value above which an end user of this kind is implausible, in euro. */
    private static final Map<EndUserType, Double> PLAUSIBLE_VALUE = Map.of(
            EndUserType.INDIVIDUAL, 50_000.0,
            EndUserType.RESEARCH, 2_000_000.0,
            EndUserType.DISTRIBUTOR, 20_000_000.0,
            EndUserType.COMMERCIAL, 20_000_000.0);

    private final ReferenceData referenceData;

    public RedFlagRules(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /** Returns the flags an application raises, in a fixed order. */
    public List<RedFlag> evaluate(LicenceApplication a) {
        List<RedFlag> flags = new ArrayList<>();
        CountryProfile destination = referenceData.country(a.destinationCountry());
        String country = ReferenceData.countryName(a.destinationCountry());
        if (destination.armsEmbargo()) {
            flags.add(new RedFlag(EMBARGOED_DESTINATION, "1",
                    "The destination, " + country + ", is under an arms embargo: check the embargo's scope for these goods."));
        }
        if (destination.sanctions()) {
            flags.add(new RedFlag(SANCTIONED_DESTINATION, "1",
                    "The destination, " + country + ", is subject to EU restrictive measures that may prohibit this export."));
        }
        boolean surveillance = ApplicationField.hasSurveillanceItem(a, referenceData);
        if (surveillance && ApplicationField.isSecurityEndUser(a.endUser().type()) && destination.humanRightsRisk().isPoor()) {
            flags.add(new RedFlag(SURVEILLANCE_FOR_SECURITY_END_USER, "2",
                    "Cyber-surveillance items for a police, security or military end user in a country with a poor "
                            + "human-rights record (" + country + "): assess the risk of internal repression."));
        }
        if (a.catchAll()) {
            flags.add(new RedFlag(CATCH_ALL_CYBER_SURVEILLANCE, "ART5",
                    "Unlisted cyber-surveillance items under the Art. 5 catch-all: the exporter has been told or is aware "
                            + "of a possible use for internal repression or serious human-rights violations."));
        }
        if (!a.endUserStatementProvided()) {
            flags.add(new RedFlag(MISSING_END_USER_STATEMENT, "7",
                    "No signed end-user statement is on file."));
        }
        ApplicationField.thirdCountryIntermediary(a).ifPresent(i -> flags.add(new RedFlag(THIRD_COUNTRY_INTERMEDIARY, "7",
                "An intermediary (" + i.role().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ") is located in a third country, "
                        + ReferenceData.countryName(i.country()) + ": check the risk of diversion.")));
        if (ApplicationField.isVagueEndUse(a.endUse())) {
            flags.add(new RedFlag(VAGUE_END_USE, "7",
                    "The stated end use is vague or too short to assess."));
        }
        if (!a.endUser().country().equals(a.destinationCountry())) {
            flags.add(new RedFlag(END_USER_OUTSIDE_DESTINATION, "7",
                    "The end user is located in " + ReferenceData.countryName(a.endUser().country())
                            + ", not in the country of destination: check the risk of re-export."));
        }
        double total = a.items().stream().mapToDouble(Item::valueEur).sum();
        Double plausible = PLAUSIBLE_VALUE.get(a.endUser().type());
        if (plausible != null && total > plausible) {
            flags.add(new RedFlag(DISPROPORTIONATE_ORDER, "8",
                    "The order's value is out of proportion to what an end user of this kind usually needs."));
        }
        if (a.licenceType() == LicenceType.GLOBAL && !a.exporter().hasComplianceProgramme()) {
            flags.add(new RedFlag(GLOBAL_LICENCE_WITHOUT_ICP, "7",
                    "A global licence is requested by an exporter without an internal compliance programme (Art. 15 of Regulation (EU) 2021/821)."));
        }
        return flags;
    }
}
