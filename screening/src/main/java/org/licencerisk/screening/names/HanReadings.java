package org.licencerisk.screening.names;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Mandarin reading (toneless pinyin) of each CJK Unified Ideograph, U+4E00 to U+9FFF.
 * <p>
 * The table ({@code han-readings.bin}, about 44 KB, 29 KB compressed in the jar) was generated from ICU4J's
 * {@code Han-Latin; Latin-ASCII} transliterator, one character at a time: the reading ICU gives a character alone,
 * which is its most frequent one. Characters with several readings therefore always read the same way, which is
 * what name matching needs (the same character in two names gives the same syllable), not what a dictionary gives.
 * ICU4J itself (15 MB) does not fit the Lambda package; {@code HanReadingsTableTest} regenerates the table with it
 * and compares.
 */
public final class HanReadings {

    /** The resource holding the table. */
    public static final String RESOURCE = "han-readings.bin";

    private static final HanReadings INSTANCE = load();

    private final int first;
    private final int last;
    private final String[] syllables;
    private final short[] readings;

    private HanReadings(int first, int last, String[] syllables, short[] readings) {
        this.first = first;
        this.last = last;
        this.syllables = syllables;
        this.readings = readings;
    }

    /** @return the shared table, loaded once from the class path */
    public static HanReadings instance() {
        return INSTANCE;
    }

    /**
     * The reading of one code point.
     *
     * @param codePoint any code point
     * @return its toneless pinyin syllable, or {@code null} when it is not a covered ideograph
     */
    public String reading(int codePoint) {
        if (codePoint < first || codePoint > last) {
            return null;
        }
        int index = readings[codePoint - first];
        return index == 0 ? null : syllables[index - 1];
    }

    /** @return the first code point covered */
    public int first() {
        return first;
    }

    /** @return the last code point covered */
    public int last() {
        return last;
    }

    /**
     * Reads a table in the format written by {@link #write}.
     *
     * @param in the table's bytes
     * @return the table
     * @throws IOException when the stream cannot be read or is not a table
     */
    public static HanReadings read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in));
        int first = data.readInt();
        int last = data.readInt();
        if (first < 0 || last < first || last - first > 0x10FFFF) {
            throw new IOException("The Han reading table's code point range is invalid.");
        }
        String[] syllables = new String[data.readUnsignedShort()];
        for (int i = 0; i < syllables.length; i++) {
            syllables[i] = data.readUTF();
        }
        short[] readings = new short[last - first + 1];
        for (int i = 0; i < readings.length; i++) {
            readings[i] = data.readShort();
            if (readings[i] < 0 || readings[i] > syllables.length) {
                throw new IOException("The Han reading table refers to a syllable it does not hold.");
            }
        }
        return new HanReadings(first, last, syllables, readings);
    }

    /**
     * Writes a table: the first and last code point, the syllables, then one 1-based syllable index per code point
     * (0 for none).
     *
     * @param out       where to write
     * @param first     the first code point
     * @param syllables the distinct syllables
     * @param readings  one index per code point from {@code first}
     * @throws IOException when writing fails
     */
    public static void write(java.io.DataOutputStream out, int first, java.util.List<String> syllables, short[] readings)
            throws IOException {
        out.writeInt(first);
        out.writeInt(first + readings.length - 1);
        out.writeShort(syllables.size());
        for (String s : syllables) {
            out.writeUTF(s);
        }
        for (short r : readings) {
            out.writeShort(r);
        }
    }

    private static HanReadings load() {
        try (InputStream in = HanReadings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The Han reading table " + RESOURCE + " is missing from the class path.");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The Han reading table " + RESOURCE + " could not be read.", e);
        }
    }
}
