package org.licencerisk.model.synthetic;

import org.licencerisk.model.application.EndUserType;
import org.licencerisk.model.application.Item;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.features.ApplicationField;
import org.licencerisk.model.reference.CountryProfile;
import org.licencerisk.model.reference.ReferenceData;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The hidden rule the synthetic decisions follow: the log-odds of refusal as a sum of effects, each grounded in
 * a criterion or red flag officers weigh (shared/domain.md), plus two changes over time. Documented with the same
 * numbers in {@code docs/synthetic-data.md}. This is an invented policy for a SYNTHETIC data set, not any
 * authority's practice. Immutable and thread-safe.
 */
public final class LatentPolicy {

    /** Baseline log-odds, calibrated so that about 5% of approved-or-refused decisions are refusals. */
    public static final double INTERCEPT = -4.75;
    /** EU restrictive measures on dual-use exports to the destination (criterion 1). */
    public static final double SANCTIONS = 3.0;
    /** An EU, OSCE or UN arms embargo on the destination (criterion 1). */
    public static final double ARMS_EMBARGO = 1.2;
    /** Extra when an embargoed destination gets military-list goods or a military end user. */
    public static final double EMBARGO_MILITARY = 1.5;
    /** Human-rights risk of the destination (criterion 2): MEDIUM, HIGH, VERY_HIGH; LOW adds nothing. */
    public static final double HUMAN_RIGHTS_MEDIUM = 0.4;
    public static final double HUMAN_RIGHTS_HIGH = 0.9;
    public static final double HUMAN_RIGHTS_VERY_HIGH = 1.4;
    /** A cyber-surveillance item (Annex I entry flagged in the reference data, or the Art. 5 catch-all). */
    public static final double SURVEILLANCE_ITEM = 0.7;
    /** A cyber-surveillance item to a destination with a poor (HIGH or VERY_HIGH) human-rights record. */
    public static final double SURVEILLANCE_POOR_RECORD = 0.6;
    /** ... and, on top, to a police, security or military end user there: the concern that started the product. */
    public static final double SURVEILLANCE_SECURITY_POOR_RECORD = 1.0;
    /** The application falls under the Art. 5 cyber-surveillance catch-all. */
    public static final double CATCH_ALL = 0.8;
    /** No signed end-user statement on file. */
    public static final double STATEMENT_MISSING = 1.3;
    /** An intermediary in a third country (criterion 7, diversion). */
    public static final double THIRD_COUNTRY_INTERMEDIARY = 0.8;
    /** The end user sits outside the country of final destination (criterion 7). */
    public static final double END_USER_OUTSIDE_DESTINATION = 0.6;
    /** A vague or implausible end use ({@link ApplicationField#isVagueEndUse}). */
    public static final double VAGUE_END_USE = 0.9;
    /** An order out of proportion to the end user's kind ({@link #disproportionate}; criterion 8). */
    public static final double DISPROPORTIONATE_VALUE = 1.0;
    /** The exporter runs no internal compliance programme. */
    public static final double NO_COMPLIANCE_PROGRAMME = 0.4;
    /** Military-list goods ({@code ML1}-{@code ML22}). */
    public static final double MILITARY_GOODS = 0.5;
    /** Every item is information security (cryptography): 5A002, 5D002, 5E002. */
    public static final double CRYPTO_ONLY = -0.7;
    /** Drift: from this instant the authority assesses cyber-surveillance items more strictly. */
    public static final Instant SURVEILLANCE_TIGHTENING_FROM = Instant.parse("2023-01-01T00:00:00Z");
    public static final double SURVEILLANCE_TIGHTENING = 0.9;
    /** Drift: from this instant one destination is seen as a diversion route (criterion 7). */
    public static final Instant DIVERSION_CONCERN_FROM = Instant.parse("2024-01-01T00:00:00Z");
    public static final String DIVERSION_CONCERN_DESTINATION = "AM";
    public static final double DIVERSION_CONCERN = 1.8;

    /** Total values (euro) above which an order is out of proportion to the end user's kind. */
    private static final Map<EndUserType, Double> PROPORTIONATE_LIMIT = new EnumMap<>(Map.of(
            EndUserType.INDIVIDUAL, 20_000.0,
            EndUserType.RESEARCH, 1_500_000.0,
            EndUserType.COMMERCIAL, 4_000_000.0,
            EndUserType.DISTRIBUTOR, 3_000_000.0,
            EndUserType.TELECOM_OPERATOR, 25_000_000.0,
            EndUserType.GOVERNMENT, 15_000_000.0,
            EndUserType.POLICE_OR_SECURITY, 6_000_000.0,
            EndUserType.MILITARY, 60_000_000.0));

    private final ReferenceData referenceData;

    public LatentPolicy(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /** Returns the log-odds that the authority refuses the application, decided at {@code decidedAt}. */
    public double refusalLogOdds(LicenceApplication a, Instant decidedAt) {
        CountryProfile destination = referenceData.country(a.destinationCountry());
        boolean surveillance = ApplicationField.hasSurveillanceItem(a, referenceData);
        boolean military = a.items().stream().anyMatch(i -> i.controlListEntry() != null && i.controlListEntry().startsWith("ML"));
        boolean poorRecord = destination.humanRightsRisk().isPoor();
        double z = INTERCEPT;
        z += destination.sanctions() ? SANCTIONS : 0;
        z += destination.armsEmbargo() ? ARMS_EMBARGO : 0;
        z += destination.armsEmbargo() && (military || a.endUser().type() == EndUserType.MILITARY) ? EMBARGO_MILITARY : 0;
        z += switch (destination.humanRightsRisk()) {
            case LOW -> 0;
            case MEDIUM -> HUMAN_RIGHTS_MEDIUM;
            case HIGH -> HUMAN_RIGHTS_HIGH;
            case VERY_HIGH -> HUMAN_RIGHTS_VERY_HIGH;
        };
        if (surveillance) {
            z += SURVEILLANCE_ITEM;
            z += poorRecord ? SURVEILLANCE_POOR_RECORD : 0;
            z += poorRecord && ApplicationField.isSecurityEndUser(a.endUser().type()) ? SURVEILLANCE_SECURITY_POOR_RECORD : 0;
            z += decidedAt.isBefore(SURVEILLANCE_TIGHTENING_FROM) ? 0 : SURVEILLANCE_TIGHTENING;
        }
        z += a.catchAll() ? CATCH_ALL : 0;
        z += a.endUserStatementProvided() ? 0 : STATEMENT_MISSING;
        z += ApplicationField.thirdCountryIntermediary(a).isPresent() ? THIRD_COUNTRY_INTERMEDIARY : 0;
        z += a.endUser().country().equals(a.destinationCountry()) ? 0 : END_USER_OUTSIDE_DESTINATION;
        z += ApplicationField.isVagueEndUse(a.endUse()) ? VAGUE_END_USE : 0;
        z += disproportionate(a) ? DISPROPORTIONATE_VALUE : 0;
        z += a.exporter().hasComplianceProgramme() ? 0 : NO_COMPLIANCE_PROGRAMME;
        z += military ? MILITARY_GOODS : 0;
        z += cryptoOnly(a) ? CRYPTO_ONLY : 0;
        z += a.destinationCountry().equals(DIVERSION_CONCERN_DESTINATION) && !decidedAt.isBefore(DIVERSION_CONCERN_FROM)
                ? DIVERSION_CONCERN : 0;
        return z;
    }

    /** Returns the probability that the authority refuses the application. */
    public double refusalProbability(LicenceApplication a, Instant decidedAt) {
        return 1.0 / (1.0 + StrictMath.exp(-refusalLogOdds(a, decidedAt)));
    }

    /** Returns whether the application's total value is out of proportion to its end user's kind. */
    public static boolean disproportionate(LicenceApplication a) {
        double total = a.items().stream().mapToDouble(Item::valueEur).sum();
        return total > PROPORTIONATE_LIMIT.get(a.endUser().type());
    }

    private static boolean cryptoOnly(LicenceApplication a) {
        for (Item i : a.items()) {
            String e = i.controlListEntry();
            if (e == null || !(e.startsWith("5A002") || e.startsWith("5D002") || e.startsWith("5E002"))) {
                return false;
            }
        }
        return true;
    }
}
