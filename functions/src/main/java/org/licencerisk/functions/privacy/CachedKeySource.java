package org.licencerisk.functions.privacy;

import org.licencerisk.model.privacy.Pseudonymiser;

import java.util.Arrays;
import java.util.function.Supplier;

/** Reads the key once, on first use; keeps only the pseudonymiser (the raw bytes are wiped). */
final class CachedKeySource implements PseudonymisationKeySource {

    private final String description;
    private final Supplier<byte[]> reader;
    private volatile Pseudonymiser pseudonymiser;

    CachedKeySource(String description, Supplier<byte[]> reader) {
        this.description = description;
        this.reader = reader;
    }

    @Override
    public Pseudonymiser pseudonymiser() {
        Pseudonymiser p = pseudonymiser;
        if (p == null) {
            synchronized (this) {
                p = pseudonymiser;
                if (p == null) {
                    p = read();
                    pseudonymiser = p;
                }
            }
        }
        return p;
    }

    private Pseudonymiser read() {
        byte[] key = reader.get();
        try {
            return new Pseudonymiser(key);
        } catch (IllegalArgumentException tooShort) {
            // The message gives the length and how to generate a key, never the key.
            throw new PseudonymisationKeyException("The pseudonymisation key from " + description + " is unusable: "
                    + tooShort.getMessage());
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return "PseudonymisationKeySource[" + description + "]";
    }
}
