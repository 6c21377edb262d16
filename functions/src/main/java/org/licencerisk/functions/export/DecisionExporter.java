package org.licencerisk.functions.export;

import org.licencerisk.functions.decisions.DynamoDbDecisionRepository;
import org.licencerisk.functions.queue.ApplicationCase;
import org.licencerisk.functions.queue.CaseRepository;
import org.licencerisk.functions.queue.CaseState;
import org.licencerisk.functions.queue.DynamoDbCaseRepository;
import org.licencerisk.functions.scores.DynamoDbScoreRepository;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.functions.storage.Storage;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.data.JsonLinesDecisionWriter;
import org.licencerisk.model.data.Outcome;
import org.licencerisk.model.privacy.Pseudonymiser;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import static org.licencerisk.functions.storage.Items.s;
import static org.licencerisk.functions.storage.Items.str;
import static org.licencerisk.functions.storage.TableDefinitions.APPLICATION_ID;
import static org.licencerisk.functions.storage.TableDefinitions.SK;

/**
 * Exports every decided application: its latest decision (outcome and time) with the content of the application as
 * scored when the decision was made, pseudonymised, one JSON Lines row per application.
 * <p>
 * Streaming: a paginated {@code Scan} of decided case items ({@value #PAGE} per page, {@link CaseRepository#scan}),
 * then per application a {@code GetItem} of the decision and one of the score's content; one page and
 * one application are in memory at a time. Restartable without duplicates: the file is written to a temporary
 * sibling and moved onto the target only when complete, so an interrupted export leaves the previous file (or none)
 * and a re-run writes each application exactly once.
 */
public final class DecisionExporter {

    /** Case items per scan page. */
    public static final int PAGE = 500;
    /** How often progress is reported, in decided applications. */
    static final int PROGRESS_EVERY = 1_000;

    private final DynamoDbClient client;
    private final String table;
    private final DynamoDbScoreRepository scores;
    private final CaseRepository cases;
    private final ApplicationParser parser = new ApplicationParser();

    public DecisionExporter(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
        this.scores = new DynamoDbScoreRepository(client, table);
        this.cases = new DynamoDbCaseRepository(client, table);
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
        for (ApplicationCase decidedCase : page.items()) {
            HistoricalApplication row = row(decidedCase.applicationId(), decidedCase.decisionRevision());
            if (row == null) {
                withoutContent++;
            } else {
                writer.write(pseudonymiser.pseudonymise(row));
            }
        }
        return new Step(page.nextCursor(), page.items().size(), withoutContent);
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

    /** The row of one decided application, or {@code null} when its score has no stored content. */
    private HistoricalApplication row(String applicationId, int revision) {
        Map<String, AttributeValue> decision = Storage.call(() -> client.getItem(b -> b.tableName(table)
                .key(Map.of(APPLICATION_ID, s(applicationId), SK, s(DynamoDbDecisionRepository.sk(revision))))
                .consistentRead(true)
                .projectionExpression("#o, #d, #s")
                .expressionAttributeNames(Map.of("#o", "outcome", "#d", "decidedAt", "#s", "scoreId")))).item();
        if (decision == null || decision.isEmpty()) {
            throw new IllegalStateException("A decided case names a decision revision that is not stored.");
        }
        return scores.application(applicationId, str(decision, "scoreId"))
                .map(json -> new HistoricalApplication(parser.parse(json), Outcome.valueOf(str(decision, "outcome")),
                        Instant.parse(str(decision, "decidedAt"))))
                .orElse(null);
    }
}
