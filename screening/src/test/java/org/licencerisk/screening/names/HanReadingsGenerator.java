package org.licencerisk.screening.names;

import com.ibm.icu.text.Transliterator;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the Han reading table shipped in {@code src/main/resources} from ICU4J (test scope only).
 * <p>
 * Regenerate after an ICU upgrade: {@code mvn -B -o -q -pl screening -am test-compile} then
 * {@code java -cp "$(cat screening/target/test-classpath.txt)" ...}; simpler, run {@code HanReadingsTableTest}
 * with {@code -Dhan.readings.write=PATH}.
 */
final class HanReadingsGenerator {

    static final int FIRST = 0x4E00;
    static final int LAST = 0x9FFF;

    private HanReadingsGenerator() {
    }

    static byte[] generate() throws IOException {
        Transliterator toLatin = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
        List<String> syllables = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        short[] readings = new short[LAST - FIRST + 1];
        for (int cp = FIRST; cp <= LAST; cp++) {
            String reading = toLatin.transliterate(new String(Character.toChars(cp))).trim();
            if (!reading.matches("[a-z]{1,6}")) {
                continue;
            }
            int i = index.computeIfAbsent(reading, r -> {
                syllables.add(r);
                return syllables.size();
            });
            readings[cp - FIRST] = (short) i;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            HanReadings.write(out, FIRST, syllables, readings);
        }
        return bytes.toByteArray();
    }

    static void writeTo(Path target) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary))) {
            out.write(generate());
        }
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
