package org.licencerisk.model.data;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.licencerisk.model.features.FeatureSpec;
import org.licencerisk.model.features.RawRecord;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Loads a flat CSV decision log, as its {@link CsvSchema} describes it.
 * <p>
 * The first row is the header: it must hold every column the schema names, in any order, and each name once;
 * a header column the schema does not name is an error unless the schema sets {@code allowExtraColumns}. Cells
 * are parsed with Jackson's CSV parser (quotes, escaped quotes, line breaks inside quotes) and trimmed. An empty
 * feature cell is a missing value (an empty set for a multi-valued column); an empty id, decision date or outcome
 * is an error. Blank lines are skipped.
 * <p>
 * Raw values have exactly the shapes {@code ApplicationField.extract} gives, so a column tied to a field means the
 * same to the model as the field of an API application: a {@code String}, a sorted {@code Set<String>}, a
 * {@code Double} (before its transform) or a {@code Boolean}. The outcome is the label column's trimmed text;
 * values the schema lists as neither refused nor approved are kept and counted but not learned from.
 * Records carry no {@code LicenceApplication}. Any bad cell is a {@link DataFormatException} naming the file, the
 * 1-based line and the column, never the cell's content. Instances are immutable and thread-safe.
 */
public final class CsvDecisionLoader {

    /** The source is closed by the loader, which reads it to the end for its checksum first. */
    private static final CsvFactory CSV = CsvFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    /** Plain decimal numbers; {@code Double.parseDouble} alone would also take "NaN", "Infinity", "0x1p3" and "1d". */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0");

    /**
     * Reads every decision of a CSV decision log.
     *
     * @return the decisions, oldest first, under {@link CsvSchema#definition()}, with the file's SHA-256
     * @throws DataFormatException naming the line and column of the first problem
     * @throws IOException         if the file cannot be read
     */
    public DecisionDataset load(Path csv, CsvSchema schema) throws IOException {
        String file = csv.getFileName().toString();
        List<DecisionRecord> records = new ArrayList<>();
        String sha256;
        try (HashingReader in = new HashingReader(csv);
             CsvParser parser = CSV.createParser(in.reader())) {
            parser.enable(CsvParser.Feature.WRAP_AS_ARRAY);
            parser.setSchema(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema()
                    .withColumnSeparator(schema.delimiter()));
            Rows rows = new Rows(parser, file);
            List<String> header = rows.next();
            if (header == null) {
                throw new DataFormatException(file, 0, null, "The file is empty; it needs a header row.");
            }
            int[] index = columnIndexes(header, schema, file, rows.line);
            Map<String, Long> firstLineOfId = new HashMap<>();
            DateTimeFormatter dateFormat = CsvColumn.formatter(schema.column(ColumnRole.DECISION_DATE).format());
            List<String> row;
            while ((row = rows.next()) != null) {
                if (row.size() != header.size()) {
                    throw new DataFormatException(file, rows.line, null, "The row has " + row.size()
                            + " cells but the header has " + header.size() + ".");
                }
                records.add(record(row, rows.line, index, schema, dateFormat, file, firstLineOfId));
            }
            sha256 = in.finish();
        }
        if (records.isEmpty()) {
            throw new DataFormatException(file, 0, null, "The file holds a header but no decisions.");
        }
        return new DecisionDataset(schema.definition(), records, sha256);
    }

    private static DecisionRecord record(List<String> row, long line, int[] index, CsvSchema schema,
                                         DateTimeFormatter dateFormat, String file, Map<String, Long> firstLineOfId) {
        String id = null;
        Instant decidedAt = null;
        String outcome = null;
        Boolean refused = null;
        Map<String, Object> values = new LinkedHashMap<>();
        List<CsvColumn> columns = schema.columns();
        for (int c = 0; c < columns.size(); c++) {
            CsvColumn column = columns.get(c);
            String cell = row.get(index[c]).strip();
            switch (column.role()) {
                case ID -> {
                    id = required(cell, column, line, file, "The case reference is empty.");
                    Long earlier = firstLineOfId.putIfAbsent(id, line);
                    if (earlier != null) {
                        throw new DataFormatException(file, line, column.name(), "The case reference is already used on line "
                                + earlier + "; each decision may appear only once.");
                    }
                }
                case DECISION_DATE -> {
                    String text = required(cell, column, line, file, "The decision date is empty.");
                    try {
                        decidedAt = column.parseDate(dateFormat, text);
                    } catch (DateTimeParseException e) {
                        throw new DataFormatException(file, line, column.name(), "The decision date does not match "
                                + (column.format() == null ? "ISO-8601 (e.g. 2024-03-01 or 2024-03-01T09:30:00Z)"
                                : "the schema's format '" + column.format() + "'") + ".");
                    }
                }
                case LABEL -> {
                    outcome = required(cell, column, line, file, "The outcome is empty.");
                    refused = column.label(outcome);
                }
                case IGNORED -> {
                    // read past
                }
                default -> {
                    Object value = featureValue(cell, column, line, file);
                    if (value != null) {
                        values.put(column.feature().name(), value);
                    }
                }
            }
        }
        return new DecisionRecord(id, decidedAt, outcome, refused, new RawRecord(values), null);
    }

    /** Returns the raw value of a feature cell, in the shape {@code ApplicationField.extract} gives, or {@code null}. */
    private static Object featureValue(String cell, CsvColumn column, long line, String file) {
        FeatureSpec spec = column.feature();
        return switch (spec.kind()) {
            case CATEGORICAL -> cell.isEmpty() ? null : cell;
            case MULTI_CATEGORICAL -> {
                Set<String> set = new TreeSet<>();
                for (String part : cell.split(Pattern.quote(column.separator()), -1)) {
                    if (!part.isBlank()) {
                        set.add(part.strip());
                    }
                }
                yield set;
            }
            case NUMERIC -> {
                if (cell.isEmpty()) {
                    yield null;
                }
                double d = DECIMAL.matcher(cell).matches() ? Double.parseDouble(cell) : Double.NaN;
                if (!Double.isFinite(d)) {
                    throw new DataFormatException(file, line, column.name(),
                            "The cell is not a finite decimal number (digits, an optional '.' and exponent; no thousands separators).");
                }
                yield d;
            }
            case BOOLEAN -> {
                if (cell.isEmpty()) {
                    yield null;
                }
                String lower = cell.toLowerCase(Locale.ROOT);
                if (!TRUE.contains(lower) && !FALSE.contains(lower)) {
                    throw new DataFormatException(file, line, column.name(),
                            "The cell is not a yes/no value (true/false, yes/no, y/n or 1/0).");
                }
                yield TRUE.contains(lower) != column.invert();
            }
        };
    }

    private static String required(String cell, CsvColumn column, long line, String file, String problem) {
        if (cell.isEmpty()) {
            throw new DataFormatException(file, line, column.name(), problem);
        }
        return cell;
    }

    /** Returns, for each schema column, its position in the header. */
    private static int[] columnIndexes(List<String> header, CsvSchema schema, String file, long line) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header(header, i);
            if (positions.putIfAbsent(name, i) != null) {
                throw new DataFormatException(file, line, name, "The header names this column twice.");
            }
        }
        Set<String> named = new TreeSet<>();
        int[] index = new int[schema.columns().size()];
        for (int c = 0; c < index.length; c++) {
            String name = schema.columns().get(c).name();
            Integer position = positions.get(name);
            if (position == null) {
                throw new DataFormatException(file, line, name, "The header lacks this column, which the schema "
                        + schema.source() + " names.");
            }
            index[c] = position;
            named.add(name);
        }
        if (!schema.allowExtraColumns()) {
            for (int i = 0; i < header.size(); i++) {
                String name = header(header, i);
                if (!named.contains(name)) {
                    throw new DataFormatException(file, line, name, "The schema " + schema.source()
                            + " does not name this column; add it (role 'ignored' to read past it) or set allowExtraColumns.");
                }
            }
        }
        return index;
    }

    /** Returns a header name, trimmed, without the byte-order mark spreadsheet programs put before the first one. */
    private static String header(List<String> header, int i) {
        String name = header.get(i).strip();
        return i == 0 && name.startsWith("\uFEFF") ? name.substring(1).strip() : name;
    }

    /** Reads the rows of a CSV parser as lists of cells, with the line each row starts on; blank lines are skipped. */
    private static final class Rows {
        private final CsvParser parser;
        private final String file;
        private long line;
        private boolean started;

        Rows(CsvParser parser, String file) {
            this.parser = parser;
            this.file = file;
        }

        List<String> next() throws IOException {
            while (true) {
                List<String> row = readRow();
                if (row == null || row.size() > 1 || !row.get(0).isBlank()) {
                    return row;
                }
            }
        }

        private List<String> readRow() throws IOException {
            try {
                if (!started) {
                    // WRAP_AS_ARRAY presents the file as one array of row arrays
                    started = true;
                    if (parser.nextToken() == null) {
                        return null;
                    }
                }
                JsonToken token = parser.nextToken();
                if (token != JsonToken.START_ARRAY) {
                    return null;
                }
                List<String> cells = new ArrayList<>();
                line = 0;
                while ((token = parser.nextToken()) == JsonToken.VALUE_STRING) {
                    if (line == 0) {
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    cells.add(parser.getText());
                }
                if (token != JsonToken.END_ARRAY) {
                    throw new DataFormatException(file, parser.currentTokenLocation().getLineNr(), null,
                            "The row is not a flat list of cells.");
                }
                return cells;
            } catch (CharacterCodingException e) {
                throw new DataFormatException(file, line + 1, null, "The file is not valid UTF-8 text.");
            } catch (JsonProcessingException e) {
                // Jackson's message quotes the text, which is confidential: report the position only.
                JsonLocation at = e.getLocation();
                throw new DataFormatException(file, at == null ? 0 : at.getLineNr(), null,
                        "The CSV is malformed here (problem at character " + (at == null ? 0 : at.getColumnNr())
                                + "), e.g. a quote inside an unquoted cell or text after a closing quote.");
            }
        }
    }
}
