package org.licencerisk.model.synthetic;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.model.application.Item;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.data.CsvDecisionLoader;
import org.licencerisk.model.data.CsvSchema;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.features.ApplicationField;
import org.licencerisk.model.reference.ReferenceData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The checked-in example CSV decision log and its schema (docs/examples) stay loadable and in step with the generator. */
class ExampleDecisionLogTest {

    private static final Path EXAMPLES = Path.of("..", "docs", "examples");
    private static final int EXAMPLE_ROWS = 200;

    @TempDir
    Path dir;

    @Test
    void checkedInExampleIsWhatTheGeneratorWrites() throws IOException {
        Path fresh = dir.resolve("decision-log.csv");
        new SyntheticDecisionLog(SyntheticDecisionLog.DEFAULT_SEED, EXAMPLE_ROWS).writeCsv(fresh);
        assertArrayEquals(Files.readAllBytes(fresh), Files.readAllBytes(EXAMPLES.resolve("decision-log.csv")),
                "regenerate docs/examples/decision-log.csv with SyntheticDecisionLog(DEFAULT_SEED, 200).writeCsv");
    }

    @Test
    void exampleLoadsWithTheExpectedOutcomesAndOneUntiedFeature() throws IOException {
        CsvSchema schema = CsvSchema.read(EXAMPLES.resolve("decision-log.schema.json"));
        DecisionDataset data = new CsvDecisionLoader().load(EXAMPLES.resolve("decision-log.csv"), schema);
        List<HistoricalApplication> generated = new SyntheticDecisionLog(SyntheticDecisionLog.DEFAULT_SEED, EXAMPLE_ROWS)
                .generate().toList();

        Map<String, Integer> expected = new TreeMap<>(generated.stream().collect(Collectors.groupingBy(
                h -> DecisionLogCsv.outcomeText(h.outcome()), Collectors.summingInt(h -> 1))));
        assertEquals(expected, data.outcomeCounts());
        assertEquals(List.of("officer_team"), data.definition().untiedFeatures());
        assertFalse(data.definition().canScoreApplications());
        long refused = generated.stream().filter(h -> h.outcome().refusalLabel().orElse(false)).count();
        assertEquals(refused, data.labelled().stream().filter(DecisionRecord::refused).count());
    }

    @Test
    void tiedCsvColumnsCarryTheValuesTheApplicationFieldsExtract() throws IOException {
        CsvSchema schema = CsvSchema.read(EXAMPLES.resolve("decision-log.schema.json"));
        DecisionDataset data = new CsvDecisionLoader().load(EXAMPLES.resolve("decision-log.csv"), schema);
        Map<String, DecisionRecord> byId = data.records().stream().collect(Collectors.toMap(DecisionRecord::id, Function.identity()));
        ReferenceData reference = ReferenceData.shipped();
        for (HistoricalApplication h : new SyntheticDecisionLog(SyntheticDecisionLog.DEFAULT_SEED, EXAMPLE_ROWS).generate().toList()) {
            LicenceApplication a = h.application();
            DecisionRecord r = byId.get(a.applicationId());
            for (ApplicationField f : List.of(ApplicationField.DESTINATION_COUNTRY, ApplicationField.END_USER_TYPE,
                    ApplicationField.CONTROL_LIST_ENTRIES, ApplicationField.END_USER_STATEMENT_MISSING)) {
                assertEquals(f.extract(a, reference), r.raw().get(f.id()), a.applicationId() + " " + f.id());
            }
            double total = a.items().stream().mapToDouble(Item::valueEur).sum();
            assertEquals(total, (Double) r.raw().get(ApplicationField.TOTAL_VALUE_EUR.id()), 0.005, a.applicationId());
        }
    }
}
