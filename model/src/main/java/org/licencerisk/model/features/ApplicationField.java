package org.licencerisk.model.features;

import org.licencerisk.model.application.ControlListEntries;
import org.licencerisk.model.application.EndUserType;
import org.licencerisk.model.application.Intermediary;
import org.licencerisk.model.application.Item;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.reference.ReferenceData;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every application field or derived fact a model may use, with the one piece of code that computes it.
 * <p>
 * Training on JSON Lines, scoring an API request and tying a CSV column all go through these extractors,
 * so a model sees the same value for the same application wherever it came from. Changing what an
 * extractor computes changes the model's meaning: bump {@link FeatureDefinition#ENCODING_VERSION}.
 */
public enum ApplicationField {
    DESTINATION_COUNTRY("destinationCountry", FeatureKind.CATEGORICAL, Transform.NONE,
            (a, r) -> a.destinationCountry()),
    DESTINATION_HUMAN_RIGHTS_RISK("destinationHumanRightsRisk", FeatureKind.CATEGORICAL, Transform.NONE,
            (a, r) -> r.country(a.destinationCountry()).humanRightsRisk().name()),
    DESTINATION_ARMS_EMBARGO("destinationArmsEmbargo", FeatureKind.BOOLEAN, Transform.NONE,
            (a, r) -> r.country(a.destinationCountry()).armsEmbargo()),
    DESTINATION_SANCTIONS("destinationSanctions", FeatureKind.BOOLEAN, Transform.NONE,
            (a, r) -> r.country(a.destinationCountry()).sanctions()),
    END_USER_TYPE("endUserType", FeatureKind.CATEGORICAL, Transform.NONE,
            (a, r) -> a.endUser().type().name()),
    LICENCE_TYPE("licenceType", FeatureKind.CATEGORICAL, Transform.NONE,
            (a, r) -> a.licenceType().name()),
    CONTROL_LIST_ENTRIES("controlListEntries", FeatureKind.MULTI_CATEGORICAL, Transform.NONE,
            (a, r) -> entries(a)),
    CONTROL_LIST_HEADINGS("controlListHeadings", FeatureKind.MULTI_CATEGORICAL, Transform.NONE,
            (a, r) -> headings(a)),
    CYBER_SURVEILLANCE_ITEM("cyberSurveillanceItem", FeatureKind.BOOLEAN, Transform.NONE,
            ApplicationField::hasSurveillanceItem),
    SURVEILLANCE_TO_SECURITY_END_USER_IN_POOR_RECORD_COUNTRY("surveillanceToSecurityEndUserInPoorRecordCountry",
            FeatureKind.BOOLEAN, Transform.NONE,
            (a, r) -> hasSurveillanceItem(a, r) && isSecurityEndUser(a.endUser().type())
                    && r.country(a.destinationCountry()).humanRightsRisk().isPoor()),
    CATCH_ALL("catchAll", FeatureKind.BOOLEAN, Transform.NONE, (a, r) -> a.catchAll()),
    END_USER_STATEMENT_MISSING("endUserStatementMissing", FeatureKind.BOOLEAN, Transform.NONE,
            (a, r) -> !a.endUserStatementProvided()),
    EXPORTER_WITHOUT_COMPLIANCE_PROGRAMME("exporterWithoutComplianceProgramme", FeatureKind.BOOLEAN, Transform.NONE,
            (a, r) -> !a.exporter().hasComplianceProgramme()),
    INTERMEDIARY_COUNT("intermediaryCount", FeatureKind.NUMERIC, Transform.LOG1P,
            (a, r) -> (double) a.intermediaries().size()),
    INTERMEDIARY_IN_THIRD_COUNTRY("intermediaryInThirdCountry", FeatureKind.BOOLEAN, Transform.NONE,
            (a, r) -> thirdCountryIntermediary(a).isPresent()),
    END_USER_OUTSIDE_DESTINATION("endUserOutsideDestination", FeatureKind.BOOLEAN, Transform.NONE,
            (a, r) -> !a.endUser().country().equals(a.destinationCountry())),
    TOTAL_VALUE_EUR("totalValueEur", FeatureKind.NUMERIC, Transform.LOG1P,
            (a, r) -> a.items().stream().mapToDouble(Item::valueEur).sum()),
    ITEM_COUNT("itemCount", FeatureKind.NUMERIC, Transform.LOG1P,
            (a, r) -> (double) a.items().size()),
    VAGUE_END_USE("vagueEndUse", FeatureKind.BOOLEAN, Transform.NONE,
            (a, r) -> isVagueEndUse(a.endUse()));

    private static final Set<EndUserType> SECURITY = Set.of(EndUserType.POLICE_OR_SECURITY, EndUserType.MILITARY);
    /** End-use phrases that say nothing about what the goods will do; from due-diligence guidance. */
    private static final Pattern VAGUE = Pattern.compile(
            "\\b(general( purpose| use)?|various|misc(ellaneous)?|resale|stock|security purposes?|government use|tbd|n/?a|unknown|other)\\b");
    private static final int MIN_SPECIFIC_END_USE = 25;
    private static final Map<String, ApplicationField> BY_ID = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ApplicationField::id, Function.identity()));

    private final String id;
    private final FeatureKind kind;
    private final Transform transform;
    private final BiFunction<LicenceApplication, ReferenceData, Object> extractor;

    ApplicationField(String id, FeatureKind kind, Transform transform,
                     BiFunction<LicenceApplication, ReferenceData, Object> extractor) {
        this.id = id;
        this.kind = kind;
        this.transform = transform;
        this.extractor = extractor;
    }

    /** Returns the field's id, as used in feature names, schemas and manifests. */
    public String id() {
        return id;
    }

    public FeatureKind kind() {
        return kind;
    }

    public Transform transform() {
        return transform;
    }

    /**
     * Computes the raw value: a {@code String} (categorical), a sorted {@code Set<String>} (multi-valued),
     * a {@code Double} (numeric) or a {@code Boolean}.
     */
    public Object extract(LicenceApplication application, ReferenceData referenceData) {
        return extractor.apply(application, referenceData);
    }

    /** Returns the field with this id. */
    public static Optional<ApplicationField> byId(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(BY_ID.get(id));
    }

    /** Returns whether the end-user type is a police, security or military body. */
    public static boolean isSecurityEndUser(EndUserType type) {
        return SECURITY.contains(type);
    }

    /** Returns whether any item is a cyber-surveillance item or the application is under the catch-all. */
    public static boolean hasSurveillanceItem(LicenceApplication a, ReferenceData r) {
        if (a.catchAll()) {
            return true;
        }
        for (Item item : a.items()) {
            if (r.isCyberSurveillance(item.controlListEntry())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns an intermediary in a third country: neither the exporter's country, nor the destination,
     * nor the end user's country.
     */
    public static Optional<Intermediary> thirdCountryIntermediary(LicenceApplication a) {
        for (Intermediary i : a.intermediaries()) {
            String c = i.country();
            if (!c.equals(a.exporter().country()) && !c.equals(a.destinationCountry())
                    && !c.equals(a.endUser().country())) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Returns whether a stated end use is too short or too generic to assess. */
    public static boolean isVagueEndUse(String endUse) {
        String text = endUse == null ? "" : endUse.strip().toLowerCase(Locale.ROOT);
        // The length test first: it decides most texts without running the pattern.
        return text.length() < MIN_SPECIFIC_END_USE || text.length() < 80 && VAGUE.matcher(text).find();
    }

    private static Set<String> entries(LicenceApplication a) {
        Set<String> set = new TreeSet<>();
        for (Item item : a.items()) {
            if (item.controlListEntry() != null) {
                set.add(item.controlListEntry());
            }
        }
        return set;
    }

    private static Set<String> headings(LicenceApplication a) {
        Set<String> set = new TreeSet<>();
        for (Item item : a.items()) {
            if (item.controlListEntry() != null) {
                set.add(ControlListEntries.heading(item.controlListEntry()));
            }
        }
        return set;
    }
}
