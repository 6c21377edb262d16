package org.licencerisk.model.data;

import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.features.EncodedFeatures;
import org.licencerisk.model.features.FeatureCross;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.reference.ReferenceData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feature crosses are computed by the one feature definition, whichever way an application arrives. */
class FeatureCrossesTest {

    private static final String SCHEMA = """
            {"columns": [
               {"name": "case_ref", "role": "id"},
               {"name": "decision_date", "role": "decisionDate"},
               {"name": "outcome", "role": "label", "refused": ["Refused"]},
               {"name": "destination", "role": "categorical", "field": "destinationCountry"},
               {"name": "ratings", "role": "multiCategorical", "separator": ";", "field": "controlListEntries"},
               {"name": "end_user", "role": "categorical", "field": "endUserType"}],
             "crosses": [["destination", "ratings"], ["destinationCountry", "end_user"]]}
            """;

    @TempDir
    Path dir;

    @Test
    void crossesAreTheSameForJsonLinesCsvAndApiApplications() throws Exception {
        CsvSchema schema = CsvSchema.read(Files.writeString(dir.resolve("schema.json"), SCHEMA));
        FeatureDefinition definition = schema.definition();
        assertEquals(List.of(new FeatureCross("destinationCountry", "controlListEntries"),
                new FeatureCross("destinationCountry", "endUserType")), definition.crosses());
        assertTrue(definition.canScoreApplications(), "crosses of tied columns stay deployable");

        LicenceApplication app = DecisionFixtures.application("C-9");
        EncodedFeatures fromApi = definition.features(app, ReferenceData.shipped());
        Path csv = Files.writeString(dir.resolve("log.csv"), "case_ref,decision_date,outcome,destination,ratings,end_user\n"
                + "C-9,2024-03-02,Refused,EG,5D002;5A001.j,POLICE_OR_SECURITY\n");
        EncodedFeatures fromCsv = definition.encode(new CsvDecisionLoader().load(csv, schema).records().get(0).raw());
        Path jsonl = DecisionFixtures.write(dir.resolve("log.jsonl"),
                List.of(DecisionFixtures.line("C-9", "REFUSED", "2024-03-02T00:00:00Z")));
        EncodedFeatures fromJsonLines = definition.encode(new JsonLinesDecisionLoader()
                .load(jsonl, definition, ReferenceData.shipped()).records().get(0).raw());

        assertEquals(fromApi, fromCsv);
        assertEquals(fromApi, fromJsonLines);
        assertEquals(List.of("destinationCountry×controlListEntries=EG×5A001.j",
                        "destinationCountry×controlListEntries=EG×5D002",
                        "destinationCountry×endUserType=EG×POLICE_OR_SECURITY"),
                crossNames(fromApi));
    }

    @Test
    void theStandardDefinitionCrossesForApplicationsToo() {
        FeatureDefinition standard = FeatureDefinition.standard();
        assertEquals(FeatureDefinition.STANDARD_CROSSES, standard.crosses());
        List<String> crosses = crossNames(standard.features(DecisionFixtures.application("C-1"), ReferenceData.shipped()));
        assertTrue(crosses.contains("destinationCountry×controlListEntries=EG×5A001.j"), crosses.toString());
        assertTrue(crosses.contains("controlListHeadings×endUserType=5A×POLICE_OR_SECURITY"), crosses.toString());
    }

    @Test
    void definitionsWithoutCrossesKeepTheirFingerprint() {
        FeatureDefinition standard = FeatureDefinition.standard();
        FeatureDefinition plain = new FeatureDefinition(standard.specs(), standard.referenceDataVersion());
        assertEquals(plain, standard.withCrosses(List.of()));
        assertTrue(!plain.equals(standard), "crosses are part of the fingerprint");
    }

    @Test
    void badCrossesAreNamedInTheSchema() throws Exception {
        assertCrossProblem("[[\"destination\", \"notes\"]]", "notes");
        assertCrossProblem("[[\"destination\", \"destinationCountry\"]]", "two different");
        assertCrossProblem("[[\"destination\"]]", "pairs");
        assertCrossProblem("[[\"ratings\", \"destination\"], [\"destination\", \"ratings\"]]", "same two features");
        String numeric = SCHEMA.replace("{\"name\": \"end_user\", \"role\": \"categorical\", \"field\": \"endUserType\"}",
                "{\"name\": \"value\", \"role\": \"numeric\", \"field\": \"totalValueEur\"}")
                .replace("[\"destinationCountry\", \"end_user\"]", "[\"destination\", \"value\"]");
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> CsvSchema.read(Files.writeString(dir.resolve("numeric.json"), numeric)));
        assertTrue(e.getMessage().contains("numeric"), e.getMessage());
    }

    private void assertCrossProblem(String crosses, String expected) throws Exception {
        String text = SCHEMA.replaceFirst("\"crosses\": \\[.*]}", "\"crosses\": " + crosses.replace("\\", "\\\\")
                .replace("$", "\\$") + "}");
        Path file = Files.writeString(dir.resolve("bad.json"), text);
        DataFormatException e = assertThrows(DataFormatException.class, () -> CsvSchema.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static List<String> crossNames(EncodedFeatures f) {
        List<String> out = new ArrayList<>();
        for (String n : f.names()) {
            if (n.contains(FeatureCross.JOIN)) {
                out.add(n);
            }
        }
        return out;
    }
}
