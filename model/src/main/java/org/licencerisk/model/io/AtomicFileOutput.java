package org.licencerisk.model.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file written all or nothing: bytes go to a temporary sibling in the target's directory, and
 * {@link #commit()} fsyncs it and moves it onto the target with {@link StandardCopyOption#ATOMIC_MOVE}.
 * Closing without a commit, or any failure, deletes the temporary file, so the target is either the complete
 * new file or untouched. Not thread-safe.
 */
public final class AtomicFileOutput implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private enum State { OPEN, COMMITTED, ABORTED }

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream out;
    private State state = State.OPEN;

    /**
     * Creates the temporary file next to {@code target}.
     *
     * @throws IOException if it cannot be created
     */
    public AtomicFileOutput(Path target) throws IOException {
        this.target = target.toAbsolutePath();
        this.temp = Files.createTempFile(this.target.getParent(), "." + this.target.getFileName() + ".", ".tmp");
        FileChannel opened = null;
        try {
            opened = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        } finally {
            if (opened == null) {
                Files.deleteIfExists(temp);
            }
        }
        this.channel = opened;
        // Closing the returned stream must not close the file: only commit() and close() do.
        this.out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER);
    }

    /**
     * Returns the stream to write to; closing it has no effect (the file is finished by {@link #commit()}).
     *
     * @throws IllegalStateException after a commit or a failure
     */
    public OutputStream stream() {
        requireOpen();
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    /**
     * Flushes, fsyncs and closes the temporary file and moves it onto the target atomically.
     *
     * @throws IOException if any step fails; the temporary file is then deleted and the target left untouched
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

    /**
     * Abandons the output after a failure: closes and deletes the temporary file, adding any cleanup problem to
     * {@code cause} as a suppressed exception.
     */
    public void abort(Throwable cause) {
        if (state != State.OPEN) {
            return;
        }
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

    /** Returns whether {@link #commit()} has succeeded. */
    public boolean committed() {
        return state == State.COMMITTED;
    }

    /** Deletes the temporary file unless the output was committed. */
    @Override
    public void close() throws IOException {
        if (state == State.OPEN) {
            IOException failure = new IOException("The uncommitted temporary file for " + target.getFileName()
                    + " could not be cleaned up.");
            abort(failure);
            if (failure.getSuppressed().length > 0) {
                throw failure;
            }
        }
    }

    /** Throws unless the output is open. */
    public void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("The output to " + target.getFileName() + " is already "
                    + (state == State.COMMITTED ? "committed" : "abandoned after a failure") + ".");
        }
    }
}
