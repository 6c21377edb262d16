package org.licencerisk.functions.denials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.licencerisk.model.application.FieldProblem;
import org.licencerisk.model.json.Json;
import org.licencerisk.screening.Denial;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bulk import of denials into the register, as JSON Lines (one denial per line, as the API's body with its
 * {@code denialId}) or CSV (one row per party; consecutive rows with the same {@code denialId} are one denial, whose
 * other columns the first row gives; lists separated by {@code ;}). Every row is validated as the API validates a body;
 * a refused row is reported by line and field, never by content, and the others are stored. Changes are recorded as
 * made by {@value #CHANGED_BY}.
 */
public final class DenialImport {

    /** Who imported denials are recorded as changed by. */
    public static final String CHANGED_BY = "import";
    /** The CSV columns. */
    public static final List<String> CSV_COLUMNS = List.of("denialId", "source", "notifyingState", "notifiedOn",
            "criteria", "controlListEntries", "itemDescription", "destinationCountry", "status", "reviewDue",
            "partyRole", "partyName", "partyCountry", "partyAddress");
    private static final Set<String> LISTS = Set.of("criteria", "controlListEntries");

    private final DenialParser parser = new DenialParser();
    private final DenialRegister register;

    public DenialImport(DenialRegister register) {
        this.register = register;
    }

    /** Imports JSON Lines. */
    public ImportReport jsonLines(Reader in) throws IOException {
        Counter c = new Counter();
        BufferedReader reader = new BufferedReader(in);
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = Json.mapper().readTree(line);
            } catch (JsonProcessingException e) {
                c.rejected.add(new ImportReport.RejectedRow(number, "$", "Is not well-formed JSON."));
                continue;
            }
            store(node, number, c);
        }
        return c.report();
    }

    /** Imports CSV with a header row naming {@link #CSV_COLUMNS} (in any order; absent optional columns are empty). */
    public ImportReport csv(Reader in) throws IOException {
        Counter c = new Counter();
        CsvMapper mapper = new CsvMapper();
        List<Map.Entry<Long, Map<String, String>>> group = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = mapper.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(in)) {
            while (rows.hasNextValue()) {
                // The row starts where the previous one ended: one line on.
                long line = rows.getParser().currentTokenLocation().getLineNr() + 1;
                Map<String, String> row = rows.nextValue();
                String id = trim(row.get("denialId"));
                if (!group.isEmpty() && !same(id, trim(group.get(0).getValue().get("denialId")))) {
                    store(denial(group), group.get(0).getKey(), c);
                    group.clear();
                }
                group.add(Map.entry(line, row));
            }
        } catch (RuntimeException e) {
            // Jackson's CSV errors quote content: report the position only.
            c.rejected.add(new ImportReport.RejectedRow(0, "$", "The CSV file could not be read past this point."));
        }
        if (!group.isEmpty()) {
            store(denial(group), group.get(0).getKey(), c);
        }
        return c.report();
    }

    private static boolean same(String a, String b) {
        return a != null && a.equals(b);
    }

    private static ObjectNode denial(List<Map.Entry<Long, Map<String, String>>> group) {
        Map<String, String> first = group.get(0).getValue();
        ObjectNode d = Json.mapper().createObjectNode();
        for (String column : List.of("denialId", "source", "notifyingState", "notifiedOn", "itemDescription",
                "destinationCountry", "status", "reviewDue")) {
            String v = trim(first.get(column));
            if (v != null) {
                d.put(column, v);
            }
        }
        for (String column : LISTS) {
            String v = trim(first.get(column));
            if (v != null) {
                ArrayNode a = d.putArray(column);
                for (String part : v.split(";")) {
                    if (!part.isBlank()) {
                        a.add(part.trim());
                    }
                }
            }
        }
        ArrayNode parties = d.putArray("parties");
        for (Map.Entry<Long, Map<String, String>> row : group) {
            ObjectNode p = parties.addObject();
            putIfPresent(p, "role", row.getValue().get("partyRole"));
            putIfPresent(p, "name", row.getValue().get("partyName"));
            putIfPresent(p, "country", row.getValue().get("partyCountry"));
            putIfPresent(p, "address", row.getValue().get("partyAddress"));
        }
        return d;
    }

    private static void putIfPresent(ObjectNode node, String name, String value) {
        String v = trim(value);
        if (v != null) {
            node.put(name, v);
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private void store(JsonNode node, long line, Counter c) {
        Denial denial;
        try {
            denial = parser.parse(node, null);
        } catch (InvalidDenialException e) {
            for (FieldProblem p : e.problems()) {
                c.rejected.add(new ImportReport.RejectedRow(line, p.field(), p.message()));
            }
            c.rejectedRows++;
            return;
        }
        try {
            DenialChange change = register.store(denial, CHANGED_BY);
            if (change.changed()) {
                c.accepted++;
            } else {
                c.unchanged++;
            }
        } catch (ConcurrentDenialChangeException conflict) {
            c.rejected.add(new ImportReport.RejectedRow(line, "denialId", "Another change of this denial was stored"
                    + " at the same time; import the row again."));
            c.rejectedRows++;
        }
    }

    private static final class Counter {
        private int accepted;
        private int unchanged;
        private int rejectedRows;
        private final List<ImportReport.RejectedRow> rejected = new ArrayList<>();

        ImportReport report() {
            return new ImportReport(accepted, unchanged, rejected);
        }
    }

    /** The report as a map, for printing. */
    public static Map<String, Object> summary(ImportReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accepted", r.accepted());
        m.put("unchanged", r.unchanged());
        m.put("rejected", r.rejected());
        return m;
    }
}
