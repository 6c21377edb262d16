package org.licencerisk.functions.denials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.licencerisk.model.application.ControlListEntries;
import org.licencerisk.model.application.Countries;
import org.licencerisk.model.application.FieldProblem;
import org.licencerisk.model.json.Json;
import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialParty;
import org.licencerisk.screening.DenialSource;
import org.licencerisk.screening.DenialStatus;
import org.licencerisk.screening.PartyRole;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a denial (schema {@code Denial} in {@code openapi.yaml}), for the API and the bulk import alike,
 * reporting every problem at once, as {@code ApplicationParser} does for applications. Problems name the field and
 * never quote its content. Thread-safe.
 */
public final class DenialParser {

    /** The syntax of denial ids. */
    public static final Pattern DENIAL_ID = Pattern.compile("[A-Za-z0-9\\-_.:]{1,64}");
    /** The criteria a denial may rest on. */
    public static final Set<String> CRITERIA = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "ART5");
    /** Most parties one denial may name. */
    public static final int MAX_PARTIES = 20;
    /** Most control list entries one denial may name. */
    public static final int MAX_ENTRIES = 50;
    /** How long a denial counts when it gives no review date: three years from its notification. */
    public static final int DEFAULT_REVIEW_YEARS = 3;
    private static final int MAX_NAME = 200;
    private static final int MAX_ADDRESS = 500;
    private static final int MAX_DESCRIPTION = 4000;
    private static final Set<String> FIELDS = Set.of("denialId", "source", "notifyingState", "notifiedOn", "criteria",
            "controlListEntries", "itemDescription", "destinationCountry", "parties", "status", "reviewDue");
    private static final Set<String> PARTY_FIELDS = Set.of("role", "name", "country", "address");

    /**
     * Parses a JSON body.
     *
     * @param body     the JSON text
     * @param denialId the id the path names, or {@code null} when the body must carry it (import)
     * @throws InvalidDenialException with every problem
     */
    public Denial parse(String body, String denialId) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidDenialException(List.of(new FieldProblem("$", "Is not well-formed JSON.")));
        }
        return parse(node, denialId);
    }

    /**
     * Validates a parsed denial.
     *
     * @param denialId the id the path names, or {@code null} when the node must carry it
     * @throws InvalidDenialException with every problem
     */
    public Denial parse(JsonNode node, String denialId) {
        List<FieldProblem> p = new ArrayList<>();
        if (node == null || !node.isObject()) {
            throw new InvalidDenialException(List.of(new FieldProblem("$", "Must be a JSON object.")));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                p.add(new FieldProblem(safeName(name), "Is not a field of a denial."));
            }
        }
        String id = text(node, "", "denialId", denialId == null, 64, p);
        if (id != null && !DENIAL_ID.matcher(id).matches()) {
            p.add(new FieldProblem("denialId", "Must be 1 to 64 letters, digits, '-', '_', '.' or ':'."));
            id = null;
        }
        if (denialId != null) {
            if (!DENIAL_ID.matcher(denialId).matches()) {
                p.add(new FieldProblem("denialId", "Must be 1 to 64 letters, digits, '-', '_', '.' or ':'."));
            } else if (id != null && !id.equals(denialId)) {
                p.add(new FieldProblem("denialId", "Differs from the denial id in the path."));
            }
            id = denialId;
        }
        DenialSource source = enumValue(node, "", "source", DenialSource.class, true, p);
        String state = country(node, "", "notifyingState", true, p);
        LocalDate notifiedOn = date(node, "notifiedOn", true, p);
        List<String> criteria = criteria(node.get("criteria"), p);
        List<String> entries = entries(node.get("controlListEntries"), p);
        String description = text(node, "", "itemDescription", true, MAX_DESCRIPTION, p);
        String destination = country(node, "", "destinationCountry", true, p);
        List<DenialParty> parties = parties(node.get("parties"), p);
        DenialStatus status = enumValue(node, "", "status", DenialStatus.class, false, p);
        LocalDate reviewDue = date(node, "reviewDue", false, p);
        if (reviewDue != null && notifiedOn != null && reviewDue.isBefore(notifiedOn)) {
            p.add(new FieldProblem("reviewDue", "Must not be before notifiedOn."));
        }
        if (!p.isEmpty()) {
            throw new InvalidDenialException(p);
        }
        return new Denial(id, source, state, notifiedOn, criteria, entries, description, destination, parties,
                status == null ? DenialStatus.VALID : status,
                reviewDue == null ? notifiedOn.plusYears(DEFAULT_REVIEW_YEARS) : reviewDue);
    }

    private static List<String> criteria(JsonNode n, List<FieldProblem> p) {
        if (n == null || n.isNull()) {
            p.add(new FieldProblem("criteria", "Is required: the criteria (\"1\" to \"8\" or \"ART5\") the denial rests on."));
            return List.of();
        }
        if (!n.isArray()) {
            p.add(new FieldProblem("criteria", "Must be an array of criteria such as [\"2\", \"7\"]."));
            return List.of();
        }
        if (n.isEmpty()) {
            p.add(new FieldProblem("criteria", "Must cite at least one criterion."));
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode c = n.get(i);
            if (!c.isTextual() || !CRITERIA.contains(c.textValue())) {
                p.add(new FieldProblem("criteria[" + i + "]", "Must be one of \"1\" to \"8\" or \"ART5\"."));
            } else if (!out.add(c.textValue())) {
                p.add(new FieldProblem("criteria[" + i + "]", "Is listed twice."));
            }
        }
        return List.copyOf(out);
    }

    private static List<String> entries(JsonNode n, List<FieldProblem> p) {
        if (n == null || n.isNull()) {
            p.add(new FieldProblem("controlListEntries", "Is required: the denied goods' control list entries."));
            return List.of();
        }
        if (!n.isArray()) {
            p.add(new FieldProblem("controlListEntries", "Must be an array of entries such as [\"5A001.j\"]."));
            return List.of();
        }
        if (n.isEmpty() || n.size() > MAX_ENTRIES) {
            p.add(new FieldProblem("controlListEntries", "Must hold 1 to " + MAX_ENTRIES + " entries."));
            return List.of();
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (!e.isTextual() || e.textValue().length() > 24 || !ControlListEntries.isWellFormed(e.textValue())) {
                p.add(new FieldProblem("controlListEntries[" + i + "]",
                        "Is not a well-formed control list entry (expected e.g. '5A001.j', '4A005' or 'ML10')."));
            } else if (!out.add(e.textValue())) {
                p.add(new FieldProblem("controlListEntries[" + i + "]", "Is listed twice."));
            }
        }
        return List.copyOf(out);
    }

    private static List<DenialParty> parties(JsonNode n, List<FieldProblem> p) {
        if (n == null || n.isNull()) {
            p.add(new FieldProblem("parties", "Is required: 1 to " + MAX_PARTIES + " parties."));
            return List.of();
        }
        if (!n.isArray()) {
            p.add(new FieldProblem("parties", "Must be an array of parties."));
            return List.of();
        }
        if (n.isEmpty() || n.size() > MAX_PARTIES) {
            p.add(new FieldProblem("parties", "Must hold 1 to " + MAX_PARTIES + " parties."));
            return List.of();
        }
        List<DenialParty> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            String prefix = "parties[" + i + "].";
            JsonNode it = n.get(i);
            if (it == null || !it.isObject()) {
                p.add(new FieldProblem("parties[" + i + "]", "Must be an object."));
                continue;
            }
            for (Iterator<String> names = it.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!PARTY_FIELDS.contains(name)) {
                    p.add(new FieldProblem(prefix + safeName(name), "Is not a field of a party."));
                }
            }
            out.add(new DenialParty(enumValue(it, prefix, "role", PartyRole.class, true, p),
                    text(it, prefix, "name", true, MAX_NAME, p), country(it, prefix, "country", true, p),
                    text(it, prefix, "address", false, MAX_ADDRESS, p)));
        }
        return out;
    }

    private static <E extends Enum<E>> E enumValue(JsonNode parent, String prefix, String name, Class<E> type,
                                                   boolean required, List<FieldProblem> p) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                p.add(new FieldProblem(prefix + name, "Is required."));
            }
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (n.isTextual() && e.name().equals(n.textValue())) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        p.add(new FieldProblem(prefix + name, "Must be one of " + String.join(", ", names) + "."));
        return null;
    }

    private static String country(JsonNode parent, String prefix, String name, boolean required, List<FieldProblem> p) {
        String code = text(parent, prefix, name, required, 2, p);
        if (code != null && !Countries.isKnown(code)) {
            p.add(new FieldProblem(prefix + name, "Must be an ISO 3166-1 alpha-2 country code in upper case, e.g. 'DE'."));
            return null;
        }
        return code;
    }

    private static LocalDate date(JsonNode parent, String name, boolean required, List<FieldProblem> p) {
        String text = text(parent, "", name, required, 10, p);
        if (text == null) {
            return null;
        }
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        p.add(new FieldProblem(name, "Must be a date such as 2026-01-31."));
        return null;
    }

    private static String text(JsonNode parent, String prefix, String name, boolean required, int max,
                               List<FieldProblem> p) {
        JsonNode n = parent.get(name);
        String field = prefix + name;
        if (n == null || n.isNull()) {
            if (required) {
                p.add(new FieldProblem(field, "Is required."));
            }
            return null;
        }
        if (!n.isTextual()) {
            p.add(new FieldProblem(field, "Must be a string."));
            return null;
        }
        String s = n.textValue();
        if (s.isBlank()) {
            p.add(new FieldProblem(field, "Must not be empty."));
            return null;
        }
        if (s.length() > max) {
            p.add(new FieldProblem(field, "Is " + s.length() + " characters long; at most " + max + " are allowed."));
            return null;
        }
        if (s.codePoints().anyMatch(c -> (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))) {
            p.add(new FieldProblem(field, "Must be text without control characters or unpaired surrogates."));
            return null;
        }
        return s;
    }

    private static String safeName(String name) {
        return name.length() > 40 || !name.matches("[A-Za-z0-9_]*") ? "?" : name;
    }
}
