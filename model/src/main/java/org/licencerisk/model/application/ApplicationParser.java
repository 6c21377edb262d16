package org.licencerisk.model.application;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.licencerisk.model.json.Json;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Validates the JSON form of a {@link LicenceApplication} and builds the record.
 * <p>
 * Validation works on the JSON tree, so that wrong types, missing fields, unknown fields and bad values
 * are all reported together, each with its field path. Messages never repeat the offending value, since
 * application contents are confidential. Instances are immutable and thread-safe.
 */
public final class ApplicationParser {

    /** Most goods lines one application may carry. */
    public static final int MAX_ITEMS = 500;
    /** Most intermediaries one application may name. */
    public static final int MAX_INTERMEDIARIES = 50;
    /** Largest value of one goods line, in euro; larger values are taken as a data error. */
    public static final double MAX_VALUE_EUR = 1e12;
    /** Largest quantity of one goods line. */
    public static final double MAX_QUANTITY = 1e12;

    private static final Pattern APPLICATION_ID = Pattern.compile("[A-Za-z0-9\\-_.:]{1,64}");
    private static final Pattern HS_CODE = Pattern.compile("[0-9]{4,10}");
    private static final int MAX_NAME = 200;
    private static final int MAX_ID = 64;
    private static final int MAX_DESCRIPTION = 1000;
    private static final int MAX_END_USE = 4000;
    private static final Pattern FOUR_DIGIT_YEAR = Pattern.compile("\\d{4}-.*");

    private static final Set<String> TOP = Set.of("applicationId", "submittedAt", "licenceType", "exporter", "items",
            "destinationCountry", "endUser", "consignee", "intermediaries", "endUse", "endUserStatementProvided",
            "catchAll");
    private static final Set<String> EXPORTER = Set.of("id", "name", "country", "hasComplianceProgramme");
    private static final Set<String> ITEM = Set.of("controlListEntry", "description", "hsCode", "quantity", "valueEur");
    private static final Set<String> END_USER = Set.of("name", "type", "country");
    private static final Set<String> CONSIGNEE = Set.of("name", "country");
    private static final Set<String> INTERMEDIARY = Set.of("role", "country", "name");

    /** Parses and validates JSON text. */
    public LicenceApplication parse(String json) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            // Jackson's stream limits (nesting depth, number and string lengths) report no location.
            String at = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new InvalidApplicationException(List.of(new FieldProblem("$",
                    "The body is not well-formed JSON" + at + ".")));
        }
        return parse(node);
    }

    /**
     * Validates a JSON tree and builds the application.
     *
     * @throws InvalidApplicationException with every problem found
     */
    public LicenceApplication parse(JsonNode node) {
        Problems p = new Problems();
        if (node == null || !node.isObject()) {
            p.add("$", "The application must be a JSON object.");
            throw p.exception();
        }
        p.unknownFields(node, "", TOP);
        String applicationId = p.text(node, "", "applicationId", true, MAX_ID);
        if (applicationId != null && !APPLICATION_ID.matcher(applicationId).matches()) {
            p.add("applicationId", "Must be 1 to 64 characters: letters, digits, '-', '_', '.' or ':'.");
        }
        Instant submittedAt = p.instant(node, "", "submittedAt");
        LicenceType licenceType = p.enumValue(node, "", "licenceType", LicenceType.class, true);
        Exporter exporter = exporter(node.get("exporter"), p);
        List<Item> items = items(node, p);
        String destination = p.country(node, "", "destinationCountry", true);
        EndUser endUser = endUser(node.get("endUser"), p);
        Consignee consignee = consignee(node.get("consignee"), p);
        List<Intermediary> intermediaries = intermediaries(node, p);
        String endUse = p.text(node, "", "endUse", true, MAX_END_USE);
        boolean statement = p.bool(node, "", "endUserStatementProvided", true);
        boolean catchAll = p.bool(node, "", "catchAll", true);
        if (items != null && !catchAll) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) != null && items.get(i).controlListEntry() == null) {
                    p.add("items[" + i + "].controlListEntry",
                            "Is required unless the application falls under the Art. 5 catch-all (catchAll: true).");
                }
            }
        }
        if (!p.list.isEmpty()) {
            throw p.exception();
        }
        return new LicenceApplication(applicationId, submittedAt, licenceType, exporter, items, destination, endUser,
                consignee, intermediaries, endUse, statement, catchAll);
    }

    private Exporter exporter(JsonNode n, Problems p) {
        if (!p.object(n, "exporter", true)) {
            return null;
        }
        p.unknownFields(n, "exporter.", EXPORTER);
        return new Exporter(p.text(n, "exporter.", "id", true, MAX_ID), p.text(n, "exporter.", "name", true, MAX_NAME),
                p.country(n, "exporter.", "country", true), p.bool(n, "exporter.", "hasComplianceProgramme", true));
    }

    private List<Item> items(JsonNode node, Problems p) {
        JsonNode n = node.get("items");
        if (n == null || n.isNull()) {
            p.add("items", "Is required: an array of 1 to " + MAX_ITEMS + " goods lines.");
            return null;
        }
        if (!n.isArray()) {
            p.add("items", "Must be an array of goods lines.");
            return null;
        }
        if (n.isEmpty()) {
            p.add("items", "Must hold at least one goods line.");
            return null;
        }
        if (n.size() > MAX_ITEMS) {
            p.add("items", "Holds " + n.size() + " goods lines; at most " + MAX_ITEMS + " are allowed.");
            return null;
        }
        List<Item> items = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            String path = "items[" + i + "]";
            JsonNode it = n.get(i);
            if (!p.object(it, path, true)) {
                items.add(null);
                continue;
            }
            String prefix = path + ".";
            p.unknownFields(it, prefix, ITEM);
            String entry = p.text(it, prefix, "controlListEntry", false, 24);
            if (entry != null && !ControlListEntries.isWellFormed(entry)) {
                p.add(prefix + "controlListEntry",
                        "Is not a well-formed control list entry (expected e.g. '5A001.j', '4A005' or 'ML10').");
            }
            String description = p.text(it, prefix, "description", true, MAX_DESCRIPTION);
            String hs = p.text(it, prefix, "hsCode", false, 10);
            if (hs != null && !HS_CODE.matcher(hs).matches()) {
                p.add(prefix + "hsCode", "Must be an HS/CN code of 4 to 10 digits.");
            }
            double quantity = p.number(it, prefix, "quantity", false, MAX_QUANTITY);
            double value = p.number(it, prefix, "valueEur", true, MAX_VALUE_EUR);
            items.add(new Item(entry, description, hs, quantity, value));
        }
        return items;
    }

    private EndUser endUser(JsonNode n, Problems p) {
        if (!p.object(n, "endUser", true)) {
            return null;
        }
        p.unknownFields(n, "endUser.", END_USER);
        return new EndUser(p.text(n, "endUser.", "name", true, MAX_NAME),
                p.enumValue(n, "endUser.", "type", EndUserType.class, true), p.country(n, "endUser.", "country", true));
    }

    private Consignee consignee(JsonNode n, Problems p) {
        if (!p.object(n, "consignee", false)) {
            return null;
        }
        p.unknownFields(n, "consignee.", CONSIGNEE);
        return new Consignee(p.text(n, "consignee.", "name", true, MAX_NAME), p.country(n, "consignee.", "country", true));
    }

    private List<Intermediary> intermediaries(JsonNode node, Problems p) {
        JsonNode n = node.get("intermediaries");
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            p.add("intermediaries", "Must be an array of intermediaries.");
            return List.of();
        }
        if (n.size() > MAX_INTERMEDIARIES) {
            p.add("intermediaries", "Holds " + n.size() + " intermediaries; at most " + MAX_INTERMEDIARIES + " are allowed.");
            return List.of();
        }
        List<Intermediary> list = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            String path = "intermediaries[" + i + "]";
            JsonNode it = n.get(i);
            if (!p.object(it, path, true)) {
                continue;
            }
            String prefix = path + ".";
            p.unknownFields(it, prefix, INTERMEDIARY);
            list.add(new Intermediary(p.enumValue(it, prefix, "role", IntermediaryRole.class, true),
                    p.country(it, prefix, "country", true), p.text(it, prefix, "name", false, MAX_NAME)));
        }
        return list;
    }

    /** Collects problems; the helpers return {@code null} (or a default) for a field with a problem. */
    private static final class Problems {
        private final List<FieldProblem> list = new ArrayList<>();

        void add(String field, String message) {
            list.add(new FieldProblem(field, message));
        }

        InvalidApplicationException exception() {
            return new InvalidApplicationException(list);
        }

        void unknownFields(JsonNode node, String prefix, Set<String> known) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!known.contains(name)) {
                    add(prefix + safeName(name), "Is not a field of a licence application.");
                }
            }
        }

        boolean object(JsonNode n, String path, boolean required) {
            if (n == null || n.isNull()) {
                if (required) {
                    add(path, "Is required.");
                }
                return false;
            }
            if (!n.isObject()) {
                add(path, "Must be a JSON object.");
                return false;
            }
            return true;
        }

        String text(JsonNode parent, String prefix, String name, boolean required, int maxLength) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                if (required) {
                    add(prefix + name, "Is required.");
                }
                return null;
            }
            if (!n.isTextual()) {
                add(prefix + name, "Must be a string.");
                return null;
            }
            String s = n.textValue();
            if (s.isBlank()) {
                add(prefix + name, "Must not be empty.");
                return null;
            }
            if (s.length() > maxLength) {
                add(prefix + name, "Is " + s.length() + " characters long; at most " + maxLength + " are allowed.");
                return null;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                    add(prefix + name, "Must not contain control characters.");
                    return null;
                }
                if (Character.isSurrogate(c)) {
                    boolean paired = Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1));
                    if (!paired) {
                        add(prefix + name, "Must be valid Unicode text.");
                        return null;
                    }
                    i++;
                }
            }
            return s;
        }

        String country(JsonNode parent, String prefix, String name, boolean required) {
            String s = text(parent, prefix, name, required, 2);
            if (s != null && !Countries.isKnown(s)) {
                add(prefix + name, "Is not an ISO 3166-1 alpha-2 country code (two upper-case letters, e.g. 'NL').");
                return null;
            }
            return s;
        }

        Instant instant(JsonNode parent, String prefix, String name) {
            String s = text(parent, prefix, name, true, 40);
            if (s == null) {
                return null;
            }
            try {
                // RFC 3339, the OpenAPI date-time format, has four-digit years; Instant.parse also takes '+999999999-'.
                if (!FOUR_DIGIT_YEAR.matcher(s).matches()) {
                    throw new DateTimeParseException("The year must have four digits.", s, 0);
                }
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                add(prefix + name, "Must be an ISO-8601 instant in UTC, e.g. '2026-03-01T09:30:00Z'.");
                return null;
            }
        }

        <E extends Enum<E>> E enumValue(JsonNode parent, String prefix, String name, Class<E> type, boolean required) {
            String s = text(parent, prefix, name, required, 40);
            if (s == null) {
                return null;
            }
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(s)) {
                    return e;
                }
            }
            add(prefix + name, "Must be one of " + Arrays.toString(type.getEnumConstants()) + ".");
            return null;
        }

        boolean bool(JsonNode parent, String prefix, String name, boolean required) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                if (required) {
                    add(prefix + name, "Is required: true or false.");
                }
                return false;
            }
            if (!n.isBoolean()) {
                add(prefix + name, "Must be true or false.");
                return false;
            }
            return n.booleanValue();
        }

        /** A finite number, greater than zero or (when {@code zeroAllowed}) at least zero, and at most {@code max}. */
        double number(JsonNode parent, String prefix, String name, boolean zeroAllowed, double max) {
            JsonNode n = parent.get(name);
            if (n == null || n.isNull()) {
                add(prefix + name, "Is required.");
                return Double.NaN;
            }
            if (!n.isNumber()) {
                add(prefix + name, "Must be a number.");
                return Double.NaN;
            }
            double d = n.doubleValue();
            if (!Double.isFinite(d) || d > max) {
                add(prefix + name, "Must be at most " + String.format(Locale.ROOT, "%.0e", max) + ".");
                return Double.NaN;
            }
            if (zeroAllowed ? d < 0 : d <= 0) {
                add(prefix + name, zeroAllowed ? "Must be zero or more." : "Must be greater than zero.");
                return Double.NaN;
            }
            return d;
        }

        private static String safeName(String name) {
            // A field name is client text: keep it short and printable in the problem's path.
            String cleaned = name.codePoints().filter(c -> c >= 0x20 && c < 0x7f)
                    .limit(40).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                    .toString();
            return cleaned.isEmpty() ? "?" : cleaned;
        }
    }
}
