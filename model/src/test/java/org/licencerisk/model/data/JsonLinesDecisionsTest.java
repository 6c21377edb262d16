package org.licencerisk.model.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.features.FeatureKind;
import org.licencerisk.model.features.FeatureSpec;
import org.licencerisk.model.features.Transform;
import org.licencerisk.model.reference.ReferenceData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLinesDecisionsTest {

    private static final FeatureDefinition STANDARD = FeatureDefinition.standard();
    private static final ReferenceData REFERENCE = ReferenceData.shipped();

    @TempDir
    Path dir;

    private final JsonLinesDecisionLoader loader = new JsonLinesDecisionLoader();

    @Test
    void writtenDecisionsLoadBackWithLabelsFeaturesAndChecksum() throws Exception {
        List<HistoricalApplication> decisions = List.of(
                DecisionFixtures.decision("A-3", Outcome.WITHDRAWN, "2024-03-03T10:00:00Z"),
                DecisionFixtures.decision("A-1", Outcome.REFUSED, "2024-03-01T10:00:00Z"),
                DecisionFixtures.decision("A-2", Outcome.APPROVED, "2024-03-02T10:00:00Z"));
        Path file = dir.resolve("decisions.jsonl");
        try (JsonLinesDecisionWriter writer = new JsonLinesDecisionWriter(file)) {
            for (HistoricalApplication h : decisions) {
                writer.write(h);
            }
            assertEquals(3, writer.count());
            writer.commit();
        }
        DecisionDataset data = loader.load(file, STANDARD, REFERENCE);

        assertEquals(List.of("A-1", "A-2", "A-3"), data.records().stream().map(DecisionRecord::id).toList(),
                "records are sorted by decision time");
        DecisionRecord refused = data.records().get(0);
        assertEquals(Boolean.TRUE, refused.refused());
        assertEquals(Boolean.FALSE, data.records().get(1).refused());
        assertNull(data.records().get(2).refused(), "a withdrawal is not a label");
        assertEquals(Map.of("APPROVED", 1, "REFUSED", 1, "WITHDRAWN", 1), data.outcomeCounts());
        assertEquals(decisions.get(1).application(), refused.application());
        assertEquals(STANDARD.extract(decisions.get(1).application(), REFERENCE), refused.raw());
        assertEquals(sha256(file), data.sourceSha256());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "no temporary file remains after a commit");
        }
    }

    @Test
    void writerClosedWithoutCommitLeavesNoFileBehind() throws Exception {
        Path file = dir.resolve("export.jsonl");
        assertThrows(IllegalStateException.class, () -> {
            try (JsonLinesDecisionWriter writer = new JsonLinesDecisionWriter(file)) {
                writer.write(DecisionFixtures.decision("A-1", Outcome.APPROVED, "2024-03-01T10:00:00Z"));
                throw new IllegalStateException("The export was cancelled half-way.");
            }
        });
        assertEmpty(dir);
    }

    @Test
    void failedExportLeavesThePreviousFileUntouched() throws Exception {
        Path file = dir.resolve("export.jsonl");
        Files.writeString(file, "previous\n");
        try (JsonLinesDecisionWriter writer = new JsonLinesDecisionWriter(file)) {
            writer.write(DecisionFixtures.decision("A-1", Outcome.APPROVED, "2024-03-01T10:00:00Z"));
        }
        assertEquals("previous\n", Files.readString(file));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList());
        }
    }

    @Test
    void writerRefusesWritesAfterCommit() throws Exception {
        Path file = dir.resolve("done.jsonl");
        try (JsonLinesDecisionWriter writer = new JsonLinesDecisionWriter(file)) {
            writer.write(DecisionFixtures.decision("A-1", Outcome.APPROVED, "2024-03-01T10:00:00Z"));
            writer.commit();
            HistoricalApplication late = DecisionFixtures.decision("A-2", Outcome.APPROVED, "2024-03-01T10:00:00Z");
            assertThrows(IllegalStateException.class, () -> writer.write(late));
        }
        assertEquals(1, Files.readAllLines(file).size());
    }

    @Test
    void blankLinesAreSkipped() throws Exception {
        Path file = DecisionFixtures.write(dir.resolve("blank.jsonl"), List.of("",
                DecisionFixtures.line("A-1", "APPROVED", "2024-03-01T10:00:00Z"), "   ",
                DecisionFixtures.line("A-2", "NO_LICENCE_REQUIRED", "2024-03-02T10:00:00Z")));
        DecisionDataset data = loader.load(file, STANDARD, REFERENCE);
        assertEquals(2, data.records().size());
        assertEquals(1, data.labelled().size());
    }

    @Test
    void malformedJsonNamesTheLineWithoutQuotingIt() throws Exception {
        Path file = DecisionFixtures.write(dir.resolve("bad.jsonl"), List.of(
                DecisionFixtures.line("A-1", "APPROVED", "2024-03-01T10:00:00Z"), "{\"applicationId\": \"SECRET-CO\","));
        DataFormatException e = assertThrows(DataFormatException.class, () -> loader.load(file, STANDARD, REFERENCE));
        assertProblem(e, "bad.jsonl", 2, "$");
        assertFalse(e.getMessage().contains("SECRET"), "the message must not repeat the line's content");
    }

    @Test
    void aLineThatIsNotAnObjectIsRejected() throws Exception {
        Path file = DecisionFixtures.write(dir.resolve("array.jsonl"), List.of("[1, 2]"));
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(file, STANDARD, REFERENCE)),
                "array.jsonl", 1, "$");
    }

    @Test
    void unknownOutcomeIsRejected() throws Exception {
        Path file = DecisionFixtures.write(dir.resolve("outcome.jsonl"), List.of(
                DecisionFixtures.line("A-1", "APPROVED", "2024-03-01T10:00:00Z"), "",
                DecisionFixtures.line("A-2", "GRANTED", "2024-03-01T10:00:00Z")));
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(file, STANDARD, REFERENCE)),
                "outcome.jsonl", 3, "outcome");
    }

    @Test
    void missingOutcomeIsRejected() throws Exception {
        ObjectNode line = DecisionFixtures.line("A-1", "APPROVED", "2024-03-01T10:00:00Z");
        line.remove("outcome");
        Path file = DecisionFixtures.write(dir.resolve("no-outcome.jsonl"), List.of(line));
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(file, STANDARD, REFERENCE)),
                "no-outcome.jsonl", 1, "outcome");
    }

    @Test
    void badDecisionTimeIsRejected() throws Exception {
        Path file = DecisionFixtures.write(dir.resolve("date.jsonl"), List.of(
                DecisionFixtures.line("A-1", "REFUSED", "01/03/2024")));
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(file, STANDARD, REFERENCE)),
                "date.jsonl", 1, "decidedAt");
    }

    @Test
    void decisionBeforeSubmissionIsRejected() throws Exception {
        Path file = DecisionFixtures.write(dir.resolve("early.jsonl"), List.of(
                DecisionFixtures.line("A-1", "REFUSED", "2023-12-01T10:00:00Z")));
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(file, STANDARD, REFERENCE)),
                "early.jsonl", 1, "decidedAt");
    }

    @Test
    void invalidApplicationFieldIsNamedByItsPath() throws Exception {
        ObjectNode line = DecisionFixtures.line("A-2", "APPROVED", "2024-03-01T10:00:00Z");
        ((ObjectNode) line.withArray("items").get(1)).put("quantity", -3);
        Path file = DecisionFixtures.write(dir.resolve("field.jsonl"), List.of(
                DecisionFixtures.line("A-1", "APPROVED", "2024-03-01T10:00:00Z"), line));
        assertProblem(assertThrows(DataFormatException.class, () -> loader.load(file, STANDARD, REFERENCE)),
                "field.jsonl", 2, "items[1].quantity");
    }

    @Test
    void duplicateApplicationIdNamesBothLines() throws Exception {
        Path file = DecisionFixtures.write(dir.resolve("dup.jsonl"), List.of(
                DecisionFixtures.line("A-1", "APPROVED", "2024-03-01T10:00:00Z"),
                DecisionFixtures.line("A-2", "APPROVED", "2024-03-01T10:00:00Z"),
                DecisionFixtures.line("A-1", "REFUSED", "2024-03-05T10:00:00Z")));
        DataFormatException e = assertThrows(DataFormatException.class, () -> loader.load(file, STANDARD, REFERENCE));
        assertProblem(e, "dup.jsonl", 3, "applicationId");
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void fileWithoutDecisionsIsRejected() throws Exception {
        Path file = DecisionFixtures.write(dir.resolve("empty.jsonl"), List.of("", " "));
        DataFormatException e = assertThrows(DataFormatException.class, () -> loader.load(file, STANDARD, REFERENCE));
        assertProblem(e, "empty.jsonl", 0, null);
    }

    @Test
    void definitionWithUntiedFeaturesIsRefused() throws Exception {
        Path file = DecisionFixtures.write(dir.resolve("ok.jsonl"), List.of(
                DecisionFixtures.line("A-1", "APPROVED", "2024-03-01T10:00:00Z")));
        FeatureDefinition untied = new FeatureDefinition(List.of(new FeatureSpec("officer_team", FeatureKind.CATEGORICAL,
                Transform.NONE, null)), REFERENCE.version());
        assertThrows(IllegalArgumentException.class, () -> loader.load(file, untied, REFERENCE));
    }

    @Test
    void invalidUtf8IsRejected() throws Exception {
        Path file = dir.resolve("latin1.jsonl");
        Files.write(file, new byte[]{'{', '"', (byte) 0xE9, '"', '}', '\n'});
        DataFormatException e = assertThrows(DataFormatException.class, () -> loader.load(file, STANDARD, REFERENCE));
        assertProblem(e, "latin1.jsonl", 1, null);
    }

    static void assertProblem(DataFormatException e, String file, long line, String column) {
        assertEquals(file, e.file(), e.getMessage());
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
    }

    static void assertEmpty(Path dir) throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "nothing half-written may remain");
        }
    }

    static String sha256(Path file) throws IOException, NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
