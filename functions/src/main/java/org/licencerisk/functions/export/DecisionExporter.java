package org.licencerisk.functions.export;

import org.licencerisk.functions.decisions.DynamoDbDecisionRepository;
import org.licencerisk.functions.decisions.RecordedOutcome;
import org.licencerisk.functions.queue.ApplicationCase;
import org.licencerisk.functions.queue.CaseRepository;
import org.licencerisk.functions.queue.CaseState;
import org.licencerisk.functions.queue.DynamoDbCaseRepository;
import org.licencerisk.functions.scores.DynamoDbScoreRepository;
import org.licencerisk.functions.storage.BatchReads;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.data.JsonLinesDecisionWriter;
import org.licencerisk.model.data.Outcome;
import org.licencerisk.model.privacy.Pseudonymiser;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;


/**
 * Exports every decided application: its latest decision (outcome and time) with the content of the application as
 * scored when the decision was made, pseudonymised, one JSON Lines row per application.
 * <p>
 * Streaming: a paginated {@code Scan} of decided case items ({@value #PAGE} per page, {@link CaseRepository#scan}),
 * then per {@value BatchReads#MAX_KEYS} applications a {@code BatchGetItem} of their decisions and one of their scores'
 * contents; one page and at most {@value BatchReads#MAX_KEYS} rows are in memory at a time. Restartable without duplicates: the file is written to a temporary
 * sibling and moved onto the target only when complete, so an interrupted export leaves the previous file (or none)
 * and a re-run writes each application exactly once.
 */
public final class DecisionExporter {

    /** Case items per scan page. */
    public static final int PAGE = 500;
    /** How often progress is reported, in decided applications. */
    static final int PROGRESS_EVERY = 1_000;

    private final CaseRepository cases;
    private final DynamoDbDecisionRepository decisions;
    private final DynamoDbScoreRepository scores;
    private final ApplicationParser parser = new ApplicationParser();

    public DecisionExporter(DynamoDbClient client, String table) {
        this.cases = new DynamoDbCaseRepository(client, table);
        this.decisions = new DynamoDbDecisionRepository(client, table);
        this.scores = new DynamoDbScoreRepository(client, table);
    }

    /**
     * Writes the export to {@code target}.
     *
     * @param progress told the running summary every {@value #PROGRESS_EVERY} applications and at the end
     */
    public ExportSummary export(Path target, Pseudonymiser pseudonymiser, Consumer<ExportSummary> progress) {
        long decided = 0;
        long withoutContent = 0;
        try (JsonLinesDecisionWriter writer = new JsonLinesDecisionWriter(target)) {
            String cursor = null;
            do {
                Step step = exportPage(cursor, PAGE, pseudonymiser, writer);
                long before = decided;
                decided += step.decided();
                withoutContent += step.withoutContent();
                if (decided / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                    progress.accept(new ExportSummary(decided, writer.count(), withoutContent));
                }
                cursor = step.nextCursor();
            } while (cursor != null);
            writer.commit();
            ExportSummary summary = new ExportSummary(decided, writer.count(), withoutContent);
            progress.accept(summary);
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException("The export could not be written to " + target + ".", e);
        }
    }

    /**
     * Reads one scan page of at most {@code limit} decided cases after {@code cursor} and writes their rows.
     *
     * @return the cursor to continue after ({@code null} at the end of the table) and what the page held
     * @throws IOException when a row cannot be written
     */
    public Step exportPage(String cursor, int limit, Pseudonymiser pseudonymiser, JsonLinesDecisionWriter writer)
            throws IOException {
        Page<ApplicationCase> page = cases.scan(CaseState.DECIDED, limit, cursor);
        long withoutContent = 0;
        List<ApplicationCase> decided = page.items();
        for (int from = 0; from < decided.size(); from += BatchReads.MAX_KEYS) {
            for (HistoricalApplication row : rows(decided.subList(from, Math.min(decided.size(),
                    from + BatchReads.MAX_KEYS)))) {
                if (row == null) {
                    withoutContent++;
                } else {
                    writer.write(pseudonymiser.pseudonymise(row));
                }
            }
        }
        return new Step(page.nextCursor(), decided.size(), withoutContent);
    }

    /**
     * What one scan page of an export did.
     *
     * @param nextCursor     where the scan continues, or {@code null} when the table has been read to its end
     * @param decided        decided applications on the page
     * @param withoutContent of those, how many had no stored content and were left out
     */
    public record Step(String nextCursor, long decided, long withoutContent) {
    }

    /**
     * The rows of up to {@value BatchReads#MAX_KEYS} decided applications, in their order; {@code null} for one whose
     * score has no stored content. Two {@code BatchGetItem}s: the decisions (strongly consistent), then the contents
     * of the scores they were made against.
     */
    private List<HistoricalApplication> rows(List<ApplicationCase> decided) {
        Map<String, RecordedOutcome> outcomes = decisions.outcomes(decided);
        Map<String, String> scoreIds = new HashMap<>();
        outcomes.forEach((applicationId, outcome) -> scoreIds.put(applicationId, outcome.scoreId()));
        Map<String, String> contents = scores.applications(scoreIds);
        List<HistoricalApplication> rows = new ArrayList<>(decided.size());
        for (ApplicationCase c : decided) {
            RecordedOutcome outcome = outcomes.get(c.applicationId());
            String content = contents.get(c.applicationId());
            rows.add(content == null ? null : new HistoricalApplication(parser.parse(content),
                    Outcome.valueOf(outcome.outcome().name()), outcome.decidedAt()));
        }
        return rows;
    }
}
