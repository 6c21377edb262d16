package org.licencerisk.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A strict UTF-8 reader of a data file that computes the SHA-256 of the bytes it reads, so a loader hashes the
 * file in the same single pass that parses it.
 */
final class HashingReader implements AutoCloseable {

    private final DigestInputStream digestStream;
    private final BufferedReader reader;

    HashingReader(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JDK offers no SHA-256 implementation.", e);
        }
        InputStream in = Files.newInputStream(file);
        this.digestStream = new DigestInputStream(in, digest);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.reader = new BufferedReader(new InputStreamReader(digestStream, decoder), 1 << 16);
    }

    /** Returns the reader of the file's text. */
    BufferedReader reader() {
        return reader;
    }

    /** Reads whatever the parser left unread and returns the SHA-256 of the whole file, in lower-case hex. */
    String finish() throws IOException {
        Reader r = reader;
        char[] sink = new char[8192];
        while (r.read(sink) >= 0) {
            // drained only so that every byte enters the digest
        }
        return HexFormat.of().formatHex(digestStream.getMessageDigest().digest());
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
