package org.licencerisk.screening.matching;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class EntryComparisonTest {

    @ParameterizedTest
    @CsvSource({
            "5A001.j, 5A001.j, 1.0, exact",
            "5a001.J, 5A001.j, 1.0, exact",
            "5A001.j, 5A001.j.1, 0.9, entry-subitem",
            "5A001.j, 5A001.f, 0.7, entry-family",
            "5A001, 5A001.f, 0.9, entry-subitem",
            "ML10.a, ML10.b, 0.7, entry-family",
            "5A001.j, 5A002.a, 0.0, none",
            "4A005, 4D004, 0.0, none",
            "'', 5A001.j, 0.0, none",
    })
    void comparesEntries(String a, String b, double similarity, String method) {
        EntryComparison c = EntryComparison.of(a, b);
        assertEquals(similarity, c.similarity(), 1e-9);
        assertEquals(method, c.method());
    }

    @ParameterizedTest
    @CsvSource({"5A001.j, 5A001", "ML10.a, ML10", "4A005, 4A005", "' 5d002.c ', 5D002"})
    void familyIsThePartBeforeTheFirstDot(String entry, String family) {
        assertEquals(family, EntryComparison.family(entry));
    }
}
