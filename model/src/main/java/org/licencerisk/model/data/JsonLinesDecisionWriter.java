package org.licencerisk.model.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.model.io.AtomicFileOutput;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Streams {@link HistoricalApplication}s to a JSON Lines file, atomically.
 * <p>
 * Each line is the application's JSON object (as the API receives it) plus {@code outcome} and
 * {@code decidedAt}, serialized by the shared {@link Json#mapper()}. Lines go to a temporary sibling of the
 * target in the same directory; {@link #commit()} flushes and fsyncs it and moves it onto the target with
 * {@link StandardCopyOption#ATOMIC_MOVE}. If a write fails, or the writer is closed without a commit (an
 * exception in the caller's loop, say), the temporary file is deleted, so the target is either the complete new
 * file or untouched. Rows are not held in memory, so a million-row export needs no more heap than one row.
 * Not thread-safe.
 * <pre>{@code
 * try (JsonLinesDecisionWriter writer = new JsonLinesDecisionWriter(path)) {
 *     for (HistoricalApplication h : decisions) {
 *         writer.write(h);
 *     }
 *     writer.commit();
 * }
 * }</pre>
 */
public final class JsonLinesDecisionWriter implements AutoCloseable {

    private final AtomicFileOutput file;
    private final OutputStream out;
    private long count;

    /**
     * Opens a writer whose output will replace {@code target} on {@link #commit()}.
     *
     * @throws IOException if the temporary file cannot be created
     */
    public JsonLinesDecisionWriter(Path target) throws IOException {
        this.file = new AtomicFileOutput(target);
        this.out = file.stream();
    }

    /**
     * Writes one decision as one line.
     *
     * @throws IOException if the line cannot be written; the temporary file is then deleted
     * @throws IllegalStateException after a commit or a failure
     */
    public void write(HistoricalApplication decision) throws IOException {
        file.requireOpen();
        try {
            out.write(Json.mapper().writeValueAsBytes(toJson(decision)));
            out.write('\n');
            count++;
        } catch (IOException | RuntimeException e) {
            file.abort(e);
            throw e;
        }
    }

    /** Returns how many decisions have been written so far. */
    public long count() {
        return count;
    }

    /**
     * Flushes and fsyncs the lines and moves the file onto the target atomically.
     *
     * @throws IOException if that fails; the temporary file is then deleted and the target left untouched
     */
    public void commit() throws IOException {
        file.commit();
    }

    /** Closes the writer; without a prior {@link #commit()} the temporary file is deleted and the target left untouched. */
    @Override
    public void close() throws IOException {
        file.close();
    }

    /** Returns the JSON object of one line: the application's fields plus {@code outcome} and {@code decidedAt}. */
    public static ObjectNode toJson(HistoricalApplication decision) {
        ObjectNode node = Json.mapper().valueToTree(decision.application());
        node.put(JsonLinesDecisionLoader.OUTCOME, decision.outcome().name());
        node.put(JsonLinesDecisionLoader.DECIDED_AT, decision.decidedAt().toString());
        return node;
    }
}
