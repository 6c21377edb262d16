package org.licencerisk.model.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.FieldProblem;
import org.licencerisk.model.application.InvalidApplicationException;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.reference.ReferenceData;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads the native historical format: JSON Lines, one application per line with its {@code outcome} and
 * {@code decidedAt}, as {@link JsonLinesDecisionWriter} writes it.
 * <p>
 * Each line is validated by the same {@link ApplicationParser} that validates API requests, and its raw feature
 * values are computed by the same {@link FeatureDefinition#extract}, so training sees exactly what scoring sees.
 * Only {@code APPROVED} and {@code REFUSED} become labels; {@code APPROVED_WITH_CONDITIONS}, {@code WITHDRAWN}
 * and {@code NO_LICENCE_REQUIRED} are kept and counted but not learned from ({@link Outcome#refusalLabel()}).
 * <p>
 * Blank lines are skipped. A bad line, a duplicate application id, or a file without any decision is a
 * {@link DataFormatException} naming the file, the 1-based line and the field path; messages never repeat
 * the line's content, which is confidential. Instances are immutable and thread-safe.
 */
public final class JsonLinesDecisionLoader {

    /** The top-level field holding the {@link Outcome} name. */
    public static final String OUTCOME = "outcome";
    /** The top-level field holding the decision time, an ISO-8601 instant. */
    public static final String DECIDED_AT = "decidedAt";

    private final ApplicationParser parser = new ApplicationParser();

    /**
     * Reads every decision of a file.
     *
     * @param file          the JSON Lines file
     * @param definition    the feature definition whose raw values the records carry; every feature must be tied
     *                      ({@link IllegalArgumentException} otherwise)
     * @param referenceData the reference data the definition reads
     * @return the decisions, oldest first, with the file's SHA-256
     * @throws DataFormatException if a line is not a valid decision, an id repeats, or the file holds none
     * @throws IOException         if the file cannot be read
     */
    public DecisionDataset load(Path file, FeatureDefinition definition, ReferenceData referenceData)
            throws IOException {
        if (!definition.canScoreApplications()) {
            throw new IllegalArgumentException("JSON Lines records are computed from applications, but the features "
                    + definition.untiedFeatures() + " are not tied to an application field.");
        }
        String name = file.getFileName().toString();
        List<DecisionRecord> records = new ArrayList<>();
        Map<String, Long> firstLineOfId = new HashMap<>();
        String sha256;
        try (HashingReader in = new HashingReader(file)) {
            BufferedReader reader = in.reader();
            long lineNumber = 0;
            String line;
            while ((line = readLine(reader, name, lineNumber + 1)) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                HistoricalApplication h = parseLine(line, name, lineNumber);
                String id = h.application().applicationId();
                Long earlier = firstLineOfId.putIfAbsent(id, lineNumber);
                if (earlier != null) {
                    throw new DataFormatException(name, lineNumber, "applicationId", "The application id is already used on line "
                            + earlier + "; each application may appear only once.");
                }
                Outcome outcome = h.outcome();
                records.add(new DecisionRecord(id, h.decidedAt(), outcome.name(), outcome.refusalLabel().orElse(null),
                        definition.extract(h.application(), referenceData), h.application()));
            }
            sha256 = in.finish();
        }
        if (records.isEmpty()) {
            throw new DataFormatException(name, 0, null, "The file holds no decisions.");
        }
        return new DecisionDataset(definition, records, sha256);
    }

    /**
     * Parses one line of the format.
     *
     * @throws DataFormatException naming the file, the line and the first field at fault
     */
    HistoricalApplication parseLine(String line, String file, long lineNumber) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (JsonProcessingException e) {
            // The parser's own message quotes the text, which is confidential: report the position only.
            long column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw new DataFormatException(file, lineNumber, "$",
                    "The line is not a well-formed JSON object (problem at character " + column + ").");
        }
        if (!(node instanceof ObjectNode object)) {
            throw new DataFormatException(file, lineNumber, "$", "The line must hold one JSON object.");
        }
        Outcome outcome = outcome(object.remove(OUTCOME), file, lineNumber);
        Instant decidedAt = decidedAt(object.remove(DECIDED_AT), file, lineNumber);
        LicenceApplication application;
        try {
            application = parser.parse(object);
        } catch (InvalidApplicationException e) {
            List<FieldProblem> problems = e.problems();
            FieldProblem first = problems.get(0);
            String more = problems.size() > 1 ? " (" + (problems.size() - 1) + " more problem(s) on this line)" : "";
            throw new DataFormatException(file, lineNumber, first.field(),
                    "The application is invalid: " + first.message() + more);
        }
        if (decidedAt.isBefore(application.submittedAt())) {
            throw new DataFormatException(file, lineNumber, DECIDED_AT,
                    "The decision is dated before the application's submission (submittedAt).");
        }
        return new HistoricalApplication(application, outcome, decidedAt);
    }

    private static Outcome outcome(JsonNode node, String file, long line) {
        if (node != null && node.isTextual()) {
            for (Outcome o : Outcome.values()) {
                if (o.name().equals(node.textValue())) {
                    return o;
                }
            }
        }
        throw new DataFormatException(file, line, OUTCOME,
                (node == null ? "Is required: " : "Must be ") + "one of " + Arrays.toString(Outcome.values()) + ".");
    }

    private static Instant decidedAt(JsonNode node, String file, long line) {
        if (node != null && node.isTextual()) {
            try {
                return Instant.parse(node.textValue());
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw new DataFormatException(file, line, DECIDED_AT, (node == null ? "Is required: " : "Must be ")
                + "an ISO-8601 instant in UTC, e.g. '2024-03-01T09:30:00Z'.");
    }

    private static String readLine(BufferedReader reader, String file, long lineNumber) throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new DataFormatException(file, lineNumber, null, "The file is not valid UTF-8 text.");
        }
    }
}
