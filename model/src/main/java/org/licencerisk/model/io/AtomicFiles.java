package org.licencerisk.model.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Writes files so that readers see either the old content or the complete new content, never a part:
 * the content goes to a temporary sibling, which is moved over the target only once it is complete.
 */
public final class AtomicFiles {

    /** Writes content to an output stream; may throw {@link IOException}. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Writes a file atomically through {@link AtomicFileOutput} (temporary sibling, fsync, atomic move). On any
     * failure the temporary file is deleted and the target is left as it was.
     *
     * @throws IOException if the file cannot be written
     */
    public static void write(Path target, Content content) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (AtomicFileOutput output = new AtomicFileOutput(target)) {
            try {
                content.writeTo(output.stream());
            } catch (IOException | RuntimeException e) {
                output.abort(e);
                throw e;
            }
            output.commit();
        }
    }

    /** Writes bytes atomically. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Deletes a file if it exists, for clean-up paths where a failure is already being reported. */
    public static void deleteQuietly(Path path) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // The original failure is what the caller reports; a stray temporary file is named after its target.
        }
    }

    /**
     * Deletes a directory and everything in it, as far as it can, for clean-up paths (temporary directories) where a
     * failure is already being reported or would change nothing for the caller; {@code null} is ignored.
     */
    public static void deleteTreeQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(AtomicFiles::deleteQuietly);
        } catch (IOException ignored) {
            // Best effort: what is left is a temporary directory named after its purpose.
        }
    }

    /** Returns the lower-case hex SHA-256 of a file's bytes. */
    public static String sha256(Path file) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file.getFileName() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM.", e);
        }
    }

    /** Returns the lower-case hex SHA-256 of bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM.", e);
        }
    }
}
