package org.licencerisk.model.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.model.json.Json;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Streams {@link HistoricalApplication}s to a JSON Lines file, atomically.
 * <p>
 * Lines go to a temporary sibling of the target in the same directory; {@link #commit()} flushes and fsyncs it
 * and moves it onto the target with {@link StandardCopyOption#ATOMIC_MOVE}. If a write fails, or the writer is
 * closed without a commit (an exception in the caller's loop, say), the temporary file is deleted, so the target
 * is either the complete new file or untouched. Rows are not held in memory, so a million-row export needs no
 * more heap than one row. Not thread-safe.
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

    private static final int BUFFER = 1 << 16;

    private enum State { OPEN, COMMITTED, ABORTED }

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream out;
    private long count;
    private State state = State.OPEN;

    /**
     * Opens a writer whose output will replace {@code target} on {@link #commit()}.
     *
     * @throws IOException if the temporary file cannot be created
     */
    public JsonLinesDecisionWriter(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        Path directory = this.target.getParent();
        this.temp = Files.createTempFile(directory, "." + this.target.getFileName() + ".", ".tmp");
        FileChannel opened = null;
        try {
            opened = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } finally {
            if (opened == null) {
                Files.deleteIfExists(temp);
            }
        }
        this.channel = opened;
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    }

    /**
     * Writes one decision as one line.
     *
     * @throws IOException if the line cannot be written; the temporary file is then deleted and the writer closed
     */
    public void write(HistoricalApplication decision) throws IOException {
        requireOpen();
        try {
            out.write(Json.mapper().writeValueAsBytes(toJson(decision)));
            out.write('\n');
            count++;
        } catch (IOException | RuntimeException e) {
            abort(e);
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
        requireOpen();
        try {
            out.flush();
            channel.force(true);
            out.close();
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            state = State.COMMITTED;
        } catch (IOException | RuntimeException e) {
            abort(e);
            throw e;
        }
    }

    /** Closes the writer; without a prior {@link #commit()} the temporary file is deleted and the target left untouched. */
    @Override
    public void close() throws IOException {
        if (state == State.OPEN) {
            IOException failure = new IOException("The uncommitted JSON Lines file could not be cleaned up.");
            abort(failure);
            if (failure.getSuppressed().length > 0) {
                throw failure;
            }
        }
    }

    /** Returns the JSON object of one line: the application's fields plus {@code outcome} and {@code decidedAt}. */
    static ObjectNode toJson(HistoricalApplication decision) {
        ObjectNode node = Json.mapper().valueToTree(decision.application());
        node.put(JsonLinesDecisionLoader.OUTCOME, decision.outcome().name());
        node.put(JsonLinesDecisionLoader.DECIDED_AT, decision.decidedAt().toString());
        return node;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("The JSON Lines writer for " + target.getFileName() + " is already "
                    + (state == State.COMMITTED ? "committed" : "closed after a failure") + ".");
        }
    }

    /** Closes the channel and deletes the temporary file; problems are added to {@code cause} as suppressed. */
    private void abort(Throwable cause) {
        state = State.ABORTED;
        try {
            out.close();
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
        try {
            channel.close();
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
