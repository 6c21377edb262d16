package org.licencerisk.functions.decisions;

import org.licencerisk.functions.errors.InvalidRequestException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.licencerisk.model.application.FieldProblem;
import org.licencerisk.model.json.Json;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body of {@code PUT /v1/applications/{applicationId}/decision} (schema {@code DecisionRequest}).
 *
 * @param outcome   the decision
 * @param criteria  the Common Position criteria ({@code "1"} to {@code "8"}) or {@code "ART5"} it rests on; a refusal
 *                  must cite at least one
 * @param rationale the officer's reasoning; confidential, never logged
 * @param officerId the deciding officer's id as the body names it, or {@code null}: optional, and only accepted when
 *                  it is the caller's own (the officer recorded is always the token's subject)
 * @param revision  whether this deliberately replaces an earlier, different decision
 */
public record DecisionRequest(DecisionOutcome outcome, List<String> criteria, String rationale, String officerId,
                              boolean revision) {

    /** The criteria a decision may cite. */
    public static final Set<String> CRITERIA = Set.of("1", "2", "3", "4", "5", "6", "7", "8", "ART5");
    private static final Set<String> FIELDS = Set.of("outcome", "criteria", "rationale", "officerId", "revision");
    private static final Pattern OFFICER_ID = Pattern.compile("[A-Za-z0-9\\-_.@:]{1,64}");
    private static final int MAX_RATIONALE = 4000;

    public DecisionRequest {
        criteria = List.copyOf(criteria);
    }

    /** Whether {@code d} says the same as this request from {@code subject} (the revision flag aside). */
    public boolean sameAs(OfficerDecision d, String subject) {
        return outcome == d.outcome() && Set.copyOf(criteria).equals(Set.copyOf(d.criteria()))
                && rationale.equals(d.rationale()) && subject.equals(d.decidedBy());
    }

    /**
     * Parses and validates a body, reporting every problem at once.
     *
     * @throws InvalidRequestException with the field problems
     */
    public static DecisionRequest parse(String body) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw InvalidRequestException.of("$", "The body is not well-formed JSON.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (node == null || !node.isObject()) {
            throw InvalidRequestException.of("$", "The decision must be a JSON object.");
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!FIELDS.contains(name)) {
                problems.add(new FieldProblem(name.length() > 40 || !name.matches("[\\x20-\\x7e]*") ? "?" : name,
                        "Is not a field of a decision."));
            }
        }
        DecisionOutcome outcome = null;
        JsonNode o = node.get("outcome");
        if (o == null || o.isNull()) {
            problems.add(new FieldProblem("outcome", "Is required."));
        } else {
            for (DecisionOutcome d : DecisionOutcome.values()) {
                if (o.isTextual() && d.name().equals(o.textValue())) {
                    outcome = d;
                }
            }
            if (outcome == null) {
                problems.add(new FieldProblem("outcome",
                        "Must be one of APPROVED, APPROVED_WITH_CONDITIONS, REFUSED or WITHDRAWN."));
            }
        }
        List<String> criteria = criteria(node.get("criteria"), problems);
        if (outcome == DecisionOutcome.REFUSED && criteria != null && criteria.isEmpty()) {
            problems.add(new FieldProblem("criteria", "A refusal must cite at least one criterion it rests on."));
        }
        String rationale = text(node.get("rationale"), "rationale", MAX_RATIONALE, problems);
        String officerId = node.get("officerId") == null || node.get("officerId").isNull() ? null
                : text(node.get("officerId"), "officerId", 64, problems);
        if (officerId != null && !OFFICER_ID.matcher(officerId).matches()) {
            problems.add(new FieldProblem("officerId", "Must be 1 to 64 letters, digits, '-', '_', '.', '@' or ':'."));
        }
        boolean revision = false;
        JsonNode r = node.get("revision");
        if (r != null && !r.isNull()) {
            if (r.isBoolean()) {
                revision = r.booleanValue();
            } else {
                problems.add(new FieldProblem("revision", "Must be true or false."));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("The decision has " + problems.size() + " invalid field(s).", problems);
        }
        return new DecisionRequest(outcome, criteria, rationale, officerId, revision);
    }

    private static List<String> criteria(JsonNode n, List<FieldProblem> problems) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        if (!n.isArray()) {
            problems.add(new FieldProblem("criteria", "Must be an array of criteria such as [\"2\", \"7\"]."));
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < n.size(); i++) {
            JsonNode c = n.get(i);
            if (!c.isTextual() || !CRITERIA.contains(c.textValue())) {
                problems.add(new FieldProblem("criteria[" + i + "]", "Must be one of \"1\" to \"8\" or \"ART5\"."));
            } else if (!out.add(c.textValue())) {
                problems.add(new FieldProblem("criteria[" + i + "]", "Is listed twice."));
            }
        }
        return List.copyOf(out);
    }

    private static String text(JsonNode n, String field, int max, List<FieldProblem> problems) {
        if (n == null || n.isNull()) {
            problems.add(new FieldProblem(field, "Is required."));
            return null;
        }
        if (!n.isTextual()) {
            problems.add(new FieldProblem(field, "Must be a string."));
            return null;
        }
        String s = n.textValue();
        if (s.isBlank()) {
            problems.add(new FieldProblem(field, "Must not be empty."));
            return null;
        }
        if (s.length() > max) {
            problems.add(new FieldProblem(field, "Is " + s.length() + " characters long; at most " + max + " are allowed."));
            return null;
        }
        // As for applications: no control characters but line breaks and tabs, no unpaired surrogates.
        if (s.codePoints().anyMatch(c -> (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')
                || (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE))) {
            problems.add(new FieldProblem(field, "Must be text without control characters or unpaired surrogates."));
            return null;
        }
        return s;
    }
}
