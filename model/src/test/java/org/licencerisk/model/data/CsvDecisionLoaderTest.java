package org.licencerisk.model.data;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.features.ApplicationField;
import org.licencerisk.model.features.FeatureKind;
import org.licencerisk.model.features.FeatureSpec;
import org.licencerisk.model.features.RawRecord;
import org.licencerisk.model.features.Transform;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.reference.ReferenceData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.licencerisk.model.data.JsonLinesDecisionsTest.assertProblem;

class CsvDecisionLoaderTest {

    private static final String SCHEMA = """
            {"delimiter": ",",
             "columns": [
               {"name": "case_ref", "role": "id"},
               {"name": "decision_date", "role": "decisionDate", "format": "yyyy-MM-dd"},
               {"name": "outcome", "role": "label", "refused": ["Refused"], "approved": ["Issued"]},
               {"name": "destination", "role": "categorical", "field": "destinationCountry"},
               {"name": "ratings", "role": "multiCategorical", "separator": ";", "field": "controlListEntries"},
               {"name": "value_eur", "role": "numeric", "field": "totalValueEur"},
               {"name": "eus_on_file", "role": "boolean", "field": "endUserStatementMissing", "invert": true},
               {"name": "officer_team", "role": "categorical"},
               {"name": "staff_hours", "role": "numeric", "transform": "log1p"},
               {"name": "notes", "role": "ignored"}]}
            """;
    private static final String HEADER = "case_ref,decision_date,outcome,destination,ratings,value_eur,eus_on_file,officer_team,staff_hours,notes\n";

    @TempDir
    Path dir;

    private final CsvDecisionLoader loader = new CsvDecisionLoader();

    @Test
    void loadsTiedAndUntiedColumnsInTheShapesOfTheApplicationFields() throws Exception {
        CsvSchema schema = schema(SCHEMA);
        Path csv = csv("log.csv", HEADER
                + "C-2,2024-03-02,Refused,EG,5A001.j; 5D002,480000,no,Cyber desk,12.5,\"Referred, twice\"\n"
                + "\n"
                + "C-1,2024-03-01,Issued,DE,5D002,1200.50,Y,Team A,,\"multi\nline note\"\n"
                + "C-3, 2024-03-03 ,Withdrawn,US,,,,Team B,3,\n");
        DecisionDataset data = loader.load(csv, schema);

        assertEquals(List.of("C-1", "C-2", "C-3"), data.records().stream().map(DecisionRecord::id).toList());
        assertEquals(Map.of("Issued", 1, "Refused", 1, "Withdrawn", 1), data.outcomeCounts());
        assertEquals(List.of("officer_team", "staff_hours"), data.definition().untiedFeatures());
        assertEquals(JsonLinesDecisionsTest.sha256(csv), data.sourceSha256());

        DecisionRecord refused = data.records().get(1);
        assertEquals(Boolean.TRUE, refused.refused());
        assertEquals(Instant.parse("2024-03-02T00:00:00Z"), refused.decidedAt());
        assertNull(refused.application());
        RawRecord raw = refused.raw();
        assertEquals("EG", raw.get("destinationCountry"));
        assertInstanceOf(TreeSet.class, raw.get("controlListEntries"));
        assertEquals(Set.of("5A001.j", "5D002"), raw.get("controlListEntries"));
        assertEquals(480000.0, raw.get("totalValueEur"));
        assertEquals(Boolean.TRUE, raw.get("endUserStatementMissing"), "'no' statement on file, inverted");
        assertEquals("Cyber desk", raw.get("officer_team"));
        assertEquals(12.5, raw.get("staff_hours"));

        DecisionRecord approved = data.records().get(0);
        assertEquals(Boolean.FALSE, approved.refused());
        assertEquals(Boolean.FALSE, approved.raw().get("endUserStatementMissing"));
        assertNull(approved.raw().get("staff_hours"), "an empty numeric cell is a missing value");
        DecisionRecord withdrawn = data.records().get(2);
        assertNull(withdrawn.refused(), "an outcome that is neither refused nor approved is not a label");
        assertEquals(Set.of(), withdrawn.raw().get("controlListEntries"));
    }

    @Test
    void tiedColumnsEncodeLikeTheApplicationFields() throws Exception {
        CsvSchema schema = schema(SCHEMA.replace("""
                   {"name": "officer_team", "role": "categorical"},
                   {"name": "staff_hours", "role": "numeric", "transform": "log1p"},
                """, "").replace("officer_team,staff_hours,", ""));
        assertTrue(schema.definition().canScoreApplications());
        LicenceApplication app = DecisionFixtures.application("C-9");
        Path csv = csv("tied.csv", "case_ref,decision_date,outcome,destination,ratings,value_eur,eus_on_file,notes\n"
                + "C-9,2024-03-02,Refused,EG,5D002;5A001.j,481200,n,\n");
        RawRecord fromCsv = loader.load(csv, schema).records().get(0).raw();
        RawRecord fromApi = schema.definition().extract(app, ReferenceData.shipped());
        assertEquals(fromApi, fromCsv);
        assertEquals(schema.definition().encode(fromApi), schema.definition().encode(fromCsv));
    }

    @Test
    void approvedListMissingMeansEveryOtherOutcomeIsAnApproval() throws Exception {
        CsvSchema schema = schema(SCHEMA.replace(", \"approved\": [\"Issued\"]", ""));
        Path csv = csv("log.csv", HEADER + "C-1,2024-03-01,Issued with provisos,DE,5D002,1,yes,Team A,1,\n");
        assertEquals(Boolean.FALSE, loader.load(csv, schema).records().get(0).refused());
    }

    @Test
    void missingColumnIsNamed() throws Exception {
        Path csv = csv("log.csv", HEADER.replace(",officer_team", "") + "C-1,2024-03-01,Issued,DE,5D002,1,yes,1,\n");
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(csv, schema(SCHEMA))),
                "log.csv", 1, "officer_team");
    }

    @Test
    void extraColumnIsAnErrorUnlessAllowed() throws Exception {
        Path csv = csv("log.csv", HEADER.replace("\n", ",licence_no\n") + "C-1,2024-03-01,Issued,DE,5D002,1,yes,Team A,1,,L-7\n");
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(csv, schema(SCHEMA))),
                "log.csv", 1, "licence_no");
        CsvSchema lenient = schema(SCHEMA.replace("{\"delimiter\": \",\",", "{\"delimiter\": \",\", \"allowExtraColumns\": true,"));
        assertEquals(1, loader.load(csv, lenient).records().size());
    }

    @Test
    void badDateNamesLineAndColumn() throws Exception {
        Path csv = csv("log.csv", HEADER + "C-1,2024-03-01,Issued,DE,5D002,1,yes,Team A,1,\n"
                + "C-2,2024-02-30,Issued,DE,5D002,1,yes,Team A,1,\n");
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(csv, schema(SCHEMA))),
                "log.csv", 3, "decision_date");
    }

    @Test
    void badNumberNamesLineAndColumnWithoutQuotingTheCell() throws Exception {
        for (String bad : List.of("12,000", "NaN", "Infinity", "1e999", "0x10", "ten")) {
            Path csv = csv("log.csv", HEADER + "C-1,2024-03-01,Issued,DE,5D002,\"" + bad + "\",yes,Team A,1,\n");
            DataFormatException e = assertThrows(DataFormatException.class, () -> loader.load(csv, schema(SCHEMA)), bad);
            assertProblem(e, "log.csv", 2, "value_eur");
            assertFalse(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void badBooleanNamesLineAndColumn() throws Exception {
        Path csv = csv("log.csv", HEADER + "\"C-1\",2024-03-01,Issued,DE,\"5D002\",1,\"\"\"maybe\"\"\",Team A,1,\n");
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(csv, schema(SCHEMA))),
                "log.csv", 2, "eus_on_file");
    }

    @Test
    void emptyAndDuplicateCaseReferencesAreRejected() throws Exception {
        Path empty = csv("empty-id.csv", HEADER + " ,2024-03-01,Issued,DE,5D002,1,yes,Team A,1,\n");
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(empty, schema(SCHEMA))),
                "empty-id.csv", 2, "case_ref");
        Path dup = csv("dup.csv", HEADER + "C-1,2024-03-01,Issued,DE,5D002,1,yes,Team A,1,\n"
                + "C-1,2024-03-02,Refused,DE,5D002,1,yes,Team A,1,\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> loader.load(dup, schema(SCHEMA)));
        assertProblem(e, "dup.csv", 3, "case_ref");
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void rowWithTheWrongNumberOfCellsAndMalformedQuotesAreRejected() throws Exception {
        Path shortRow = csv("short.csv", HEADER + "C-1,2024-03-01,Issued\n");
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(shortRow, schema(SCHEMA))),
                "short.csv", 2, null);
        Path quotes = csv("quotes.csv", HEADER + "C-1,2024-03-01,Issued,DE,\"5D002\"x,1,yes,Team A,1,\n");
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(quotes, schema(SCHEMA))),
                "quotes.csv", 2, null);
    }

    @Test
    void headerWithoutRowsIsRejected() throws Exception {
        Path csv = csv("header-only.csv", HEADER);
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(csv, schema(SCHEMA))),
                "header-only.csv", 0, null);
    }

    @Test
    void semicolonDelimitedLogsAndIsoDatesAreRead() throws Exception {
        CsvSchema schema = schema(SCHEMA.replace("\"delimiter\": \",\"", "\"delimiter\": \";\"")
                .replace(", \"format\": \"yyyy-MM-dd\"", "").replace("\"separator\": \";\"", "\"separator\": \"|\""));
        Path csv = csv("semi.csv", HEADER.replace(',', ';')
                + "C-1;2024-03-01T09:30:00Z;Issued;DE;5D002|5A002;1;yes;Team A;1;\n");
        DecisionRecord r = loader.load(csv, schema).records().get(0);
        assertEquals(Instant.parse("2024-03-01T09:30:00Z"), r.decidedAt());
        assertEquals(Set.of("5A002", "5D002"), r.raw().get("controlListEntries"));
    }

    @Test
    void byteOrderMarkBeforeTheHeaderIsIgnored() throws Exception {
        Path csv = csv("bom.csv", "\uFEFF" + HEADER + "C-1,2024-03-01,Issued,DE,5D002,1,yes,Team A,1,\n");
        assertEquals("C-1", loader.load(csv, schema(SCHEMA)).records().get(0).id());
    }

    @Test
    void unknownRoleIsNamed() {
        assertSchemaProblem(c -> c.put("role", "text"), "officer_team", "text");
    }

    @Test
    void unknownFieldIsNamed() {
        assertSchemaProblem(c -> c.put("field", "officerTeam"), "officer_team", "officerTeam");
    }

    @Test
    void kindMismatchNamesBothKinds() {
        DataFormatException e = assertSchemaProblem(c -> c.put("field", "totalValueEur"), "officer_team", "NUMERIC");
        assertTrue(e.getMessage().contains("CATEGORICAL"), e.getMessage());
    }

    @Test
    void optionOfAnotherRoleIsRejected() {
        assertSchemaProblem(c -> c.put("separator", ";"), "officer_team", "separator");
    }

    @Test
    void duplicateColumnAndMissingRequiredRolesAreRejected() throws Exception {
        assertSchemaProblem(c -> c.put("name", "destination"), "destination", "twice");
        DataFormatException noLabel = assertThrows(DataFormatException.class,
                () -> schema(SCHEMA.replace("\"role\": \"label\",", "\"role\": \"ignored\",").replace(
                        ", \"refused\": [\"Refused\"], \"approved\": [\"Issued\"]", "")));
        assertProblem(noLabel, "schema.json", 0, null);
        assertTrue(noLabel.getMessage().contains("'label'"), noLabel.getMessage());
    }

    @Test
    void tiedColumnFeatureSpecFollowsTheField() throws Exception {
        CsvSchema schema = schema(SCHEMA);
        FeatureSpec value = schema.definition().specs().stream().filter(s -> s.name().equals("totalValueEur"))
                .findFirst().orElseThrow();
        assertEquals(FeatureSpec.of(ApplicationField.TOTAL_VALUE_EUR), value);
        assertEquals(new FeatureSpec("staff_hours", FeatureKind.NUMERIC, Transform.LOG1P, null),
                schema.definition().specs().stream().filter(s -> s.name().equals("staff_hours")).findFirst().orElseThrow());
        assertEquals(ReferenceData.shipped().version(), schema.definition().referenceDataVersion());
    }

    private DataFormatException assertSchemaProblem(Consumer<ObjectNode> change, String column, String mentioned) {
        DataFormatException e = assertThrows(DataFormatException.class, () -> {
            ObjectNode root = (ObjectNode) Json.mapper().readTree(SCHEMA);
            ArrayNode columns = (ArrayNode) root.get("columns");
            change.accept((ObjectNode) columns.get(7));
            schema(Json.mapper().writeValueAsString(root));
        });
        assertProblem(e, "schema.json", 0, column);
        assertTrue(e.getMessage().contains(mentioned), e.getMessage());
        return e;
    }

    private CsvSchema schema(String json) throws IOException {
        return CsvSchema.read(Files.writeString(dir.resolve("schema.json"), json));
    }

    private Path csv(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
