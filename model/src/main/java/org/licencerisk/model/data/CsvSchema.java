package org.licencerisk.model.data;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.licencerisk.model.features.ApplicationField;
import org.licencerisk.model.features.FeatureCross;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.features.FeatureSpec;
import org.licencerisk.model.features.Transform;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.reference.ReferenceData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * What the columns of an authority's CSV decision log mean: a JSON file such as
 * <pre>{@code
 * {"delimiter": ",",
 *  "columns": [
 *    {"name": "case_ref", "role": "id"},
 *    {"name": "decision_date", "role": "decisionDate", "format": "yyyy-MM-dd"},
 *    {"name": "outcome", "role": "label", "refused": ["Refused"], "approved": ["Issued"]},
 *    {"name": "destination", "role": "categorical", "field": "destinationCountry"},
 *    {"name": "ratings", "role": "multiCategorical", "separator": ";", "field": "controlListEntries"},
 *    {"name": "value_eur", "role": "numeric", "field": "totalValueEur"},
 *    {"name": "eus_on_file", "role": "boolean", "field": "endUserStatementMissing", "invert": true},
 *    {"name": "officer_team", "role": "categorical"},
 *    {"name": "notes", "role": "ignored"}],
 *  "crosses": [["destination", "ratings"]]}
 * }</pre>
 * Top-level keys: {@code delimiter} (one character, default {@code ,}), {@code columns} (required),
 * {@code crosses} (optional: pairs of feature columns, by header name or tied field, whose
 * {@link FeatureCross interaction} the model learns; crossing two tied columns keeps the model deployable),
 * {@code allowExtraColumns} (default {@code false}: a header column the schema does not name is an error, so a
 * renamed column is never dropped silently; {@code true} reads past such columns) and {@code description}
 * (free text). Column keys: {@code name}, {@code role} (see {@link ColumnRole}) and the role's options. Exactly
 * one {@code id}, one {@code decisionDate} and one {@code label} column are required, and at least one feature
 * column.
 * <p>
 * A feature column with {@code "field"} is tied to that {@link ApplicationField}: its feature is named after the
 * field, has the field's kind and transform, and a model built only from tied columns can score API applications.
 * Untied columns are features named after the column. Immutable and thread-safe.
 */
public final class CsvSchema {

    private static final Set<String> TOP = Set.of("delimiter", "columns", "crosses", "allowExtraColumns", "description");

    private final String source;
    private final char delimiter;
    private final boolean allowExtraColumns;
    private final List<CsvColumn> columns;
    private final FeatureDefinition definition;

    private CsvSchema(String source, char delimiter, boolean allowExtraColumns, List<CsvColumn> columns,
                      List<FeatureCross> crosses) {
        this.source = source;
        this.delimiter = delimiter;
        this.allowExtraColumns = allowExtraColumns;
        this.columns = List.copyOf(columns);
        List<FeatureSpec> specs = this.columns.stream().filter(c -> c.feature() != null).map(CsvColumn::feature).toList();
        if (specs.isEmpty()) {
            throw new DataFormatException(source, 0, null,
                    "The schema names no feature column (categorical, multiCategorical, numeric or boolean), so there is nothing to learn from.");
        }
        try {
            this.definition = new FeatureDefinition(specs, crosses, ReferenceData.shipped().version());
        } catch (IllegalArgumentException e) {
            throw new DataFormatException(source, 0, "crosses", e.getMessage());
        }
    }

    /**
     * Reads and checks a schema file.
     *
     * @throws DataFormatException naming the file and the column at fault
     * @throws IOException         if the file cannot be read
     */
    public static CsvSchema read(Path file) throws IOException {
        String source = file.getFileName().toString();
        JsonNode root;
        try {
            root = Json.mapper().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new DataFormatException(source, Math.max(line, 0), null, "The schema is not well-formed JSON.");
        }
        if (root == null || !root.isObject()) {
            throw new DataFormatException(source, 0, null, "The schema must be a JSON object with a 'columns' array.");
        }
        unknownKeys(root, TOP, source, null, "is not a key of a CSV schema; known keys are " + TOP.stream().sorted().toList() + ".");
        char delimiter = delimiter(root.get("delimiter"), source);
        JsonNode allow = root.get("allowExtraColumns");
        if (allow != null && !allow.isBoolean()) {
            throw new DataFormatException(source, 0, null, "The key 'allowExtraColumns' must be true or false.");
        }
        JsonNode list = root.get("columns");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new DataFormatException(source, 0, null, "The schema must have a non-empty 'columns' array.");
        }
        List<CsvColumn> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> featureNames = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            CsvColumn c = column(list.get(i), i, source);
            if (!names.add(c.name())) {
                throw new DataFormatException(source, 0, c.name(), "The column name is used twice in the schema.");
            }
            if (c.feature() != null && !featureNames.add(c.feature().name())) {
                throw new DataFormatException(source, 0, c.name(), "The feature '" + c.feature().name()
                        + "' is already defined by another column; tie each application field to one column only.");
            }
            columns.add(c);
        }
        for (ColumnRole required : List.of(ColumnRole.ID, ColumnRole.DECISION_DATE, ColumnRole.LABEL)) {
            long count = columns.stream().filter(c -> c.role() == required).count();
            if (count != 1) {
                throw new DataFormatException(source, 0, null, "The schema must have exactly one column with the role '"
                        + required.schemaName() + "', found " + count + ".");
            }
        }
        return new CsvSchema(source, delimiter, allow != null && allow.booleanValue(), columns,
                crosses(root.get("crosses"), columns, source));
    }

    /**
     * Reads the optional {@code crosses} section: a list of pairs, each naming two feature columns by their header
     * name or, for tied columns, by their application field.
     */
    private static List<FeatureCross> crosses(JsonNode node, List<CsvColumn> columns, String source) {
        if (node == null) {
            return List.of();
        }
        String shape = "The 'crosses' section must be a list of pairs of feature columns, e.g. "
                + "[[\"destination\", \"ratings\"]].";
        if (!node.isArray()) {
            throw new DataFormatException(source, 0, "crosses", shape);
        }
        List<FeatureCross> crosses = new ArrayList<>();
        for (JsonNode pair : node) {
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
                throw new DataFormatException(source, 0, "crosses", shape);
            }
            String first = crossFeature(pair.get(0).textValue(), columns, source);
            String second = crossFeature(pair.get(1).textValue(), columns, source);
            if (first.equals(second)) {
                throw new DataFormatException(source, 0, "crosses", "A cross must name two different feature columns, found '"
                        + pair.get(0).textValue() + "' and '" + pair.get(1).textValue() + "'.");
            }
            crosses.add(new FeatureCross(first, second));
        }
        return crosses;
    }

    private static String crossFeature(String name, List<CsvColumn> columns, String source) {
        for (CsvColumn c : columns) {
            if (c.feature() != null && (c.name().equals(name) || c.feature().name().equals(name))) {
                return c.feature().name();
            }
        }
        String shown = name.codePoints().filter(c -> c >= 0x20 && c < 0x7f).limit(40)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        throw new DataFormatException(source, 0, "crosses", "The cross names '" + shown
                + "', which is neither a feature column nor the field of one.");
    }

    /** Returns the schema file's name, used in error messages. */
    public String source() {
        return source;
    }

    public char delimiter() {
        return delimiter;
    }

    /** Returns whether header columns the schema does not name are read past rather than rejected. */
    public boolean allowExtraColumns() {
        return allowExtraColumns;
    }

    /** Returns the columns, in the schema's order. */
    public List<CsvColumn> columns() {
        return columns;
    }

    /** Returns the one column with a role (id, decisionDate or label). */
    public CsvColumn column(ColumnRole role) {
        return columns.stream().filter(c -> c.role() == role).findFirst().orElseThrow(() ->
                new IllegalArgumentException("The schema " + source + " has no column with the role '" + role.schemaName() + "'."));
    }

    /** Returns the feature definition of the schema's feature columns, against the shipped reference data. */
    public FeatureDefinition definition() {
        return definition;
    }

    private static CsvColumn column(JsonNode node, int index, String source) {
        String where = "columns[" + index + "]";
        if (node == null || !node.isObject()) {
            throw new DataFormatException(source, 0, where, "Each column must be a JSON object with 'name' and 'role'.");
        }
        JsonNode nameNode = node.get("name");
        if (nameNode == null || !nameNode.isTextual() || nameNode.textValue().isBlank()) {
            throw new DataFormatException(source, 0, where, "The column has no 'name'; give the header name as a string.");
        }
        String name = nameNode.textValue();
        JsonNode roleNode = node.get("role");
        String roleName = roleNode == null || !roleNode.isTextual() ? null : roleNode.textValue();
        List<String> roleNames = Arrays.stream(ColumnRole.values()).map(ColumnRole::schemaName).toList();
        ColumnRole role = ColumnRole.bySchemaName(roleName).orElseThrow(() -> new DataFormatException(source, 0, name,
                (roleName == null ? "The column has no 'role'" : "The role '" + roleName + "' is unknown")
                        + "; use one of " + roleNames + "."));
        Set<String> allowed = new HashSet<>(role.options());
        allowed.add("name");
        allowed.add("role");
        unknownKeys(node, allowed, source, name, "is not an option of a column with the role '" + role.schemaName()
                + "'; allowed are " + allowed.stream().sorted().toList() + ".");
        return switch (role) {
            case ID, IGNORED -> new CsvColumn(name, role, null, null, null, false, null, null);
            case DECISION_DATE -> {
                String format = optionalText(node, "format", source, name);
                try {
                    CsvColumn.formatter(format);
                } catch (IllegalArgumentException e) {
                    throw new DataFormatException(source, 0, name, "The date format is not a valid DateTimeFormatter pattern.");
                }
                yield new CsvColumn(name, role, null, format, null, false, null, null);
            }
            case LABEL -> label(node, name, source);
            default -> feature(node, name, role, source);
        };
    }

    private static CsvColumn label(JsonNode node, String name, String source) {
        List<String> refused = textList(node.get("refused"), "refused", source, name);
        if (refused == null || refused.isEmpty()) {
            throw new DataFormatException(source, 0, name,
                    "A label column needs 'refused': the non-empty list of outcome values that mean refused.");
        }
        List<String> approved = textList(node.get("approved"), "approved", source, name);
        CsvColumn column = new CsvColumn(name, ColumnRole.LABEL, null, null, null, false, refused, approved);
        if (approved != null && approved.stream().anyMatch(a -> Boolean.TRUE.equals(column.label(a)))) {
            throw new DataFormatException(source, 0, name, "An outcome value is listed both as refused and as approved.");
        }
        return column;
    }

    private static CsvColumn feature(JsonNode node, String name, ColumnRole role, String source) {
        String fieldId = optionalText(node, "field", source, name);
        String transformName = optionalText(node, "transform", source, name);
        Transform transform = Transform.NONE;
        if (transformName != null) {
            transform = Arrays.stream(Transform.values()).filter(t -> t.name().equalsIgnoreCase(transformName)).findFirst()
                    .orElseThrow(() -> new DataFormatException(source, 0, name,
                            "The transform '" + transformName + "' is unknown; use 'none' or 'log1p'."));
        }
        String separator = role == ColumnRole.MULTI_CATEGORICAL ? optionalText(node, "separator", source, name) : null;
        if (role == ColumnRole.MULTI_CATEGORICAL && separator == null) {
            throw new DataFormatException(source, 0, name, "A multiCategorical column needs a 'separator', e.g. \";\".");
        }
        JsonNode invertNode = node.get("invert");
        if (invertNode != null && !invertNode.isBoolean()) {
            throw new DataFormatException(source, 0, name, "The option 'invert' must be true or false.");
        }
        boolean invert = invertNode != null && invertNode.booleanValue();
        FeatureSpec spec;
        if (fieldId == null) {
            try {
                spec = new FeatureSpec(name, role.kind(), transform, null);
            } catch (IllegalArgumentException e) {
                throw new DataFormatException(source, 0, name, "The column name cannot name a feature: " + e.getMessage());
            }
        } else {
            List<String> known = Arrays.stream(ApplicationField.values()).map(ApplicationField::id).toList();
            ApplicationField field = ApplicationField.byId(fieldId).orElseThrow(() -> new DataFormatException(source, 0, name,
                    "The column is tied to the unknown application field '" + fieldId + "'; known fields are " + known + "."));
            if (field.kind() != role.kind()) {
                throw new DataFormatException(source, 0, name, "The column's role '" + role.schemaName() + "' is of kind "
                        + role.kind() + " but the application field '" + field.id() + "' is of kind " + field.kind() + ".");
            }
            if (transformName != null && transform != field.transform()) {
                throw new DataFormatException(source, 0, name, "The column's transform " + transform
                        + " differs from the transform " + field.transform() + " of the application field '" + field.id()
                        + "'; leave 'transform' out of a tied column.");
            }
            spec = new FeatureSpec(field.id(), field.kind(), field.transform(), field.id());
        }
        return new CsvColumn(name, role, spec, null, separator, invert, null, null);
    }

    private static char delimiter(JsonNode node, String source) {
        if (node == null) {
            return ',';
        }
        if (!node.isTextual() || node.textValue().length() != 1 || node.textValue().charAt(0) == '"'
                || node.textValue().charAt(0) == '\n' || node.textValue().charAt(0) == '\r') {
            throw new DataFormatException(source, 0, null,
                    "The 'delimiter' must be one character other than a quote or a line break, e.g. \",\" or \";\".");
        }
        return node.textValue().charAt(0);
    }

    private static String optionalText(JsonNode node, String key, String source, String column) {
        JsonNode n = node.get(key);
        if (n == null) {
            return null;
        }
        if (!n.isTextual() || n.textValue().isEmpty()) {
            throw new DataFormatException(source, 0, column, "The option '" + key + "' must be a non-empty string.");
        }
        return n.textValue();
    }

    private static List<String> textList(JsonNode n, String key, String source, String column) {
        if (n == null) {
            return null;
        }
        if (!n.isArray()) {
            throw new DataFormatException(source, 0, column, "The option '" + key + "' must be an array of strings.");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode v : n) {
            if (!v.isTextual() || v.textValue().isBlank()) {
                throw new DataFormatException(source, 0, column, "The option '" + key + "' must hold non-empty strings only.");
            }
            values.add(v.textValue());
        }
        return values;
    }

    private static void unknownKeys(JsonNode node, Set<String> allowed, String source, String column, String problem) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!allowed.contains(key)) {
                String shown = key.codePoints().filter(c -> c >= 0x20 && c < 0x7f).limit(40)
                        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
                throw new DataFormatException(source, 0, column, "The key '" + shown + "' " + problem);
            }
        }
    }

    @Override
    public String toString() {
        return "CsvSchema[" + source + ", " + columns.size() + " columns, delimiter '" + delimiter + "', "
                + definition.specs().size() + " features" + (definition.canScoreApplications() ? "" :
                ", untied " + definition.untiedFeatures()) + "]";
    }
}
