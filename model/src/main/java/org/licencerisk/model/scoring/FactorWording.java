package org.licencerisk.model.scoring;

import org.licencerisk.model.features.ApplicationField;
import org.licencerisk.model.features.FeatureCross;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.reference.ControlEntryInfo;
import org.licencerisk.model.reference.ReferenceData;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a model feature into a sentence an officer understands. Sentences describe the application's facts
 * (its destination, goods, end user), never its confidential free text.
 */
final class FactorWording {

    private static final Map<Character, String> CATEGORIES = Map.of(
            '0', "nuclear materials, facilities and equipment",
            '1', "special materials and related equipment",
            '2', "materials processing",
            '3', "electronics",
            '4', "computers",
            '5', "telecommunications and information security",
            '6', "sensors and lasers",
            '7', "navigation and avionics",
            '8', "marine",
            '9', "aerospace and propulsion");

    private final ReferenceData referenceData;

    FactorWording(ReferenceData referenceData) {
        this.referenceData = referenceData;
    }

    /**
     * Returns the sentence for a feature.
     *
     * @param feature the encoded feature's name, e.g. {@code destinationCountry=IR}
     * @param value   the encoded value
     */
    String sentence(String feature, double value) {
        String spec = FeatureDefinition.specName(feature);
        String level = feature.length() > spec.length() ? feature.substring(spec.length() + 1) : null;
        FeatureCross cross = FeatureCross.parse(spec);
        if (cross != null && level != null) {
            return crossSentence(cross, level);
        }
        Optional<ApplicationField> field = ApplicationField.byId(spec);
        if (field.isEmpty()) {
            return level != null ? "Recorded " + spec + " is " + level : "Recorded " + spec + " of " + format(value);
        }
        return switch (field.get()) {
            case DESTINATION_COUNTRY -> "Destination is " + ReferenceData.countryName(level) + " (" + level + ")";
            case DESTINATION_HUMAN_RIGHTS_RISK -> "Destination has a " + level.toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " human-rights risk";
            case DESTINATION_ARMS_EMBARGO -> "Destination is under an arms embargo";
            case DESTINATION_SANCTIONS -> "Destination is subject to EU restrictive measures (sanctions)";
            case END_USER_TYPE -> "End user is " + endUserType(level);
            case LICENCE_TYPE -> "GLOBAL".equals(level) ? "Application for a global licence" : "Application for an individual licence";
            case CONTROL_LIST_ENTRIES -> level + ": " + referenceData.controlEntry(level)
                    .map(ControlEntryInfo::description).orElse("control list entry without a description in the reference data");
            case CONTROL_LIST_HEADINGS -> "Goods under list heading " + level + " (" + heading(level) + ")";
            case CYBER_SURVEILLANCE_ITEM -> "Includes cyber-surveillance items";
            case SURVEILLANCE_TO_SECURITY_END_USER_IN_POOR_RECORD_COUNTRY ->
                    "Cyber-surveillance items for a police, security or military end user in a country with a poor human-rights record";
            case CATCH_ALL -> "Falls under the Art. 5 cyber-surveillance catch-all";
            case END_USER_STATEMENT_MISSING -> "No signed end-user statement on file";
            case EXPORTER_WITHOUT_COMPLIANCE_PROGRAMME -> "Exporter has no internal compliance programme";
            case INTERMEDIARY_COUNT -> count(Math.expm1(value), "intermediary", "intermediaries") + " in the transaction";
            case INTERMEDIARY_IN_THIRD_COUNTRY -> "An intermediary is located in a third country";
            case END_USER_OUTSIDE_DESTINATION -> "End user is located outside the country of destination";
            case TOTAL_VALUE_EUR -> "Total value of about EUR " + format(Math.expm1(value));
            case ITEM_COUNT -> count(Math.expm1(value), "goods line", "goods lines") + " on the application";
            case VAGUE_END_USE -> "The stated end use is vague or too short to assess";
        };
    }

    /**
     * Words a cross in officers' terms: "5A001.j to Iran", "A police or security service in Iran", else the two
     * facts joined ("Goods under list heading 5 (…), for a police or security service").
     */
    private String crossSentence(FeatureCross cross, String level) {
        int at = level.indexOf(FeatureCross.JOIN);
        if (at < 0) {
            return "Recorded " + cross.name() + " is " + level;
        }
        String first = level.substring(0, at);
        String second = level.substring(at + FeatureCross.JOIN.length());
        if (cross.second().equals(ApplicationField.DESTINATION_COUNTRY.id())) {
            return crossSentence(new FeatureCross(cross.second(), cross.first()), second + FeatureCross.JOIN + first);
        }
        if (cross.first().equals(ApplicationField.DESTINATION_COUNTRY.id())) {
            String country = ApplicationField.byId(cross.first()).isPresent() && first.length() == 2
                    ? ReferenceData.countryName(first) : first;
            if (cross.second().equals(ApplicationField.END_USER_TYPE.id())) {
                return capitalised(endUserType(second)) + " in " + country;
            }
            if (cross.second().equals(ApplicationField.CONTROL_LIST_HEADINGS.id())) {
                return "Goods under list heading " + second + " (" + heading(second) + ") to " + country;
            }
            return second + " to " + country;
        }
        if (cross.second().equals(ApplicationField.END_USER_TYPE.id())) {
            return part(cross.first(), first) + ", for " + endUserType(second);
        }
        return part(cross.first(), first) + ", with " + cross.second() + " " + second;
    }

    private String part(String spec, String level) {
        return ApplicationField.byId(spec).map(f -> sentence(spec + "=" + level, 1.0))
                .orElse("Recorded " + spec + " " + level);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String endUserType(String type) {
        return switch (type) {
            case "GOVERNMENT" -> "a government body";
            case "MILITARY" -> "a military end user";
            case "POLICE_OR_SECURITY" -> "a police or security service";
            case "TELECOM_OPERATOR" -> "a telecom operator";
            case "COMMERCIAL" -> "a commercial company";
            case "RESEARCH" -> "a research institute or university";
            case "DISTRIBUTOR" -> "a distributor";
            case "INDIVIDUAL" -> "an individual";
            default -> type;
        };
    }

    private static String heading(String heading) {
        if (heading.startsWith("ML")) {
            return "military goods";
        }
        return CATEGORIES.getOrDefault(heading.charAt(0), "dual-use goods");
    }

    private static String count(double n, String one, String many) {
        long rounded = Math.round(n);
        return rounded + " " + (rounded == 1 ? one : many);
    }

    private static String format(double value) {
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.4g", value);
    }
}
