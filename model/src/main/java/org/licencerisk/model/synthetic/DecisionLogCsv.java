package org.licencerisk.model.synthetic;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.licencerisk.model.application.Item;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.io.AtomicFileOutput;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.data.Outcome;
import org.licencerisk.model.features.ApplicationField;
import org.licencerisk.model.reference.ReferenceData;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * The synthetic decisions as a flat CSV decision log of the kind an authority exports from its case system:
 * {@code case_ref, decision_date, destination, end_user_type, ratings, value_eur, eus_on_file, officer_team,
 * outcome, notes}. The outcome is written in an authority's own words ({@link #outcomeText}); {@code officer_team}
 * is an authority-specific column no application carries, to show untied columns; {@code notes} is free text to
 * be ignored. {@code docs/examples/decision-log.schema.json} describes it.
 */
public final class DecisionLogCsv {

    /** The header, in order. */
    public static final List<String> COLUMNS = List.of("case_ref", "decision_date", "destination", "end_user_type",
            "ratings", "value_eur", "eus_on_file", "officer_team", "outcome", "notes");

    private static final CsvFactory CSV = CsvFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    private DecisionLogCsv() {
    }

    /** Returns the outcome as the CSV log words it. */
    public static String outcomeText(Outcome outcome) {
        return switch (outcome) {
            case APPROVED -> "Issued";
            case APPROVED_WITH_CONDITIONS -> "Issued with provisos";
            case REFUSED -> "Refused";
            case WITHDRAWN -> "Withdrawn";
            case NO_LICENCE_REQUIRED -> "NLR";
        };
    }

    /** Returns the officer team that handled a case: the cyber desk takes surveillance items, the defence team military goods. */
    public static String officerTeam(LicenceApplication a) {
        if (ApplicationField.hasSurveillanceItem(a, ReferenceData.shipped())) {
            return "Cyber desk";
        }
        if (a.items().stream().anyMatch(i -> i.controlListEntry() != null && i.controlListEntry().startsWith("ML"))) {
            return "Defence team";
        }
        return a.exporter().id().hashCode() % 2 == 0 ? "Team A" : "Team B";
    }

    static void write(Path file, Iterator<HistoricalApplication> decisions, LongConsumer progress) throws IOException {
        try (AtomicFileOutput output = new AtomicFileOutput(file);
             Writer writer = new OutputStreamWriter(output.stream(), StandardCharsets.UTF_8);
             CsvGenerator csv = CSV.createGenerator(writer)) {
            csv.setSchema(CsvSchema.emptySchema().withLineSeparator("\n"));
            row(csv, COLUMNS);
            long count = 0;
            while (decisions.hasNext()) {
                row(csv, cells(decisions.next()));
                if (++count % SyntheticDecisionLog.PROGRESS_INTERVAL == 0) {
                    progress.accept(count);
                }
            }
            progress.accept(count);
            csv.flush();
            writer.flush();
            output.commit();
        }
    }

    private static List<String> cells(HistoricalApplication h) {
        LicenceApplication a = h.application();
        @SuppressWarnings("unchecked")
        Set<String> entries = (Set<String>) ApplicationField.CONTROL_LIST_ENTRIES.extract(a, ReferenceData.shipped());
        String ratings = String.join(";", entries);
        double value = a.items().stream().mapToDouble(Item::valueEur).sum();
        String notes = a.catchAll() ? "Art. 5 notification"
                : ReferenceData.shipped().country(a.destinationCountry()).humanRightsRisk().isPoor() ? "Referred to Foreign Affairs" : "";
        return List.of(a.applicationId(), h.decidedAt().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                a.destinationCountry(), a.endUser().type().name(), ratings, String.format(Locale.ROOT, "%.2f", value),
                a.endUserStatementProvided() ? "Y" : "N", officerTeam(a), outcomeText(h.outcome()), notes);
    }

    private static void row(CsvGenerator csv, List<String> cells) throws IOException {
        csv.writeStartArray();
        for (String cell : cells) {
            csv.writeString(cell);
        }
        csv.writeEndArray();
    }
}
