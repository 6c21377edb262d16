package org.licencerisk.screening.names;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HanReadingsTableTest {

    @Test
    void shippedTableIsWhatIcuGives() throws IOException {
        String target = System.getProperty("han.readings.write");
        if (target != null) {
            HanReadingsGenerator.writeTo(Path.of(target));
        }
        byte[] shipped;
        try (InputStream in = HanReadings.class.getResourceAsStream(HanReadings.RESOURCE)) {
            assertNotNull(in, "the table is on the class path");
            shipped = in.readAllBytes();
        }
        assertArrayEquals(HanReadingsGenerator.generate(), shipped,
                "regenerate with -Dhan.readings.write=screening/src/main/resources/org/licencerisk/screening/names/han-readings.bin");
    }

    @Test
    void readsCommonFirmNameCharacters() {
        HanReadings table = HanReadings.instance();
        assertEquals("hua", table.reading("华".codePointAt(0)));
        assertEquals("hua", table.reading("華".codePointAt(0)), "traditional characters are covered too");
        assertEquals("gong", table.reading("公".codePointAt(0)));
        assertEquals("shen", table.reading("深".codePointAt(0)));
        assertNull(table.reading('A'));
        assertNull(table.reading(0x20000), "outside the basic block");
    }

    @Test
    void refusesATableThatPointsPastItsSyllables() {
        byte[] bad = {0, 0, 0x4E, 0, 0, 0, 0x4E, 0, 0, 0, 0, 5};
        assertThrows(IOException.class, () -> HanReadings.read(new ByteArrayInputStream(bad)));
    }
}
