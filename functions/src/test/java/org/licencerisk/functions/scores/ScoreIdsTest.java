package org.licencerisk.functions.scores;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A score's id depends on the content and on the model, exactly as docs/table-design.md defines it. */
class ScoreIdsTest {

    private static final String HASH = "a".repeat(64);

    @Test
    void theIdIsTheFirst32HexDigitsOfSha256OverHashNewlineVersion() throws NoSuchAlgorithmException {
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((HASH + "\nlr-2026-11-01").getBytes(StandardCharsets.UTF_8));
        assertEquals(HexFormat.of().formatHex(digest).substring(0, 32), ScoreIds.of(HASH, "lr-2026-11-01"));
        assertTrue(ScoreIds.of(HASH, "lr-2026-11-01").matches("[0-9a-f]{32}"));
    }

    @Test
    void sameContentAndModelGiveTheSameIdAndAnotherModelAnother() {
        assertEquals(ScoreIds.of(HASH, "m1"), ScoreIds.of(HASH, "m1"));
        assertNotEquals(ScoreIds.of(HASH, "m1"), ScoreIds.of(HASH, "m2"));
        assertNotEquals(ScoreIds.of(HASH, "m1"), ScoreIds.of("b".repeat(64), "m1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void aHashThatIsNotASha256IsRefused(String hash) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScoreIds.of(hash, "m1"));
        assertTrue(e.getMessage().contains("64 lower-case hex digits"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "m1\nm2"})
    void aBlankOrMultiLineVersionIsRefused(String version) {
        assertThrows(IllegalArgumentException.class, () -> ScoreIds.of(HASH, version));
    }
}
