package org.licencerisk.model.evaluation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.model.scoring.BandThresholds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportComparisonTest {

    private static final BandThresholds THRESHOLDS = new BandThresholds(0.3, 0.6, 0.05, 0.2);
    private static final boolean[] REFUSED = {true, true, false, false, false, false};

    private static EvaluationReport report(String version, double... scores) {
        return new RiskEvaluator().report(new EvaluationContext(version, "logistic", "2025-Q1", Map.of()),
                scores, REFUSED, THRESHOLDS);
    }

    // Champion: a refusal below two approvals. Challenger: a perfect ranking.
    private final EvaluationReport champion = report("champ-1", 0.9, 0.4, 0.7, 0.5, 0.2, 0.1);
    private final EvaluationReport challenger = report("chall-2", 0.9, 0.8, 0.7, 0.5, 0.2, 0.1);

    @Test
    void textTableShowsBothModelsTheDifferenceAndTheBetterOne() {
        String text = ReportComparison.text(champion, challenger);
        // Champion AUC: refusal 0.9 beats 4, refusal 0.4 beats 2 (0.2, 0.1): 6 / 8 = 0.75. Challenger: 8 / 8 = 1.
        assertTrue(text.contains("champ-1") && text.contains("chall-2"), text);
        String aucLine = line(text, "ROC-AUC");
        assertEquals("ROC-AUC 0.7500 1.0000 +0.2500 Challenger", aucLine.replaceAll("\\s+", " ").trim());
        // Brier: lower is better. Champion (0.01 + 0.36 + 0.49 + 0.25 + 0.04 + 0.01) / 6 = 1.16 / 6 = 0.1933;
        // challenger (0.01 + 0.04 + 0.49 + 0.25 + 0.04 + 0.01) / 6 = 0.84 / 6 = 0.1400.
        assertEquals("Brier score 0.1933 0.1400 -0.0533 Challenger",
                line(text, "Brier score").replaceAll("\\s+", " ").trim());
        assertTrue(text.startsWith("Compared on 6 labelled applications with 2 refusals (base rate 33.33%)."));
    }

    @Test
    void theChampionWinsWhereItIsBetter() {
        String aucLine = line(ReportComparison.text(challenger, champion), "ROC-AUC");
        assertTrue(aucLine.endsWith("Champion"), aucLine);
        assertTrue(line(ReportComparison.text(champion, champion), "ROC-AUC").endsWith("equal"));
    }

    @Test
    void htmlDrawsBothModelsOnTheSamePlots(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("comparison.html");
        ReportComparison.writeHtml(champion, challenger, file);
        String html = Files.readString(file);
        assertEquals(4, html.split("<svg", -1).length - 1);
        // Two model lines on each plot.
        assertEquals(8, html.split("<polyline class=\"series\"", -1).length - 1);
        assertTrue(html.contains("Champion champ-1") && html.contains("Challenger chall-2"));
        assertTrue(ReportComparison.text(champion, challenger).contains("Expected calibration error"));
        assertTrue(html.contains("<th>Difference</th>"));
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        assertFalse(html.contains("http"));
    }

    @Test
    void rejectsReportsOnDifferentData() {
        EvaluationReport other = new RiskEvaluator().report(new EvaluationContext("x", "xgboost", "2025-Q2",
                Map.of()), new double[]{0.9, 0.1, 0.2}, new boolean[]{true, false, false}, THRESHOLDS);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportComparison.text(champion, other));
        assertEquals("A comparison needs both models evaluated on the same applications, found 6 applications with "
                + "2 refusals for the champion and 3 with 1 for the challenger.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReportComparison.html(champion, null));
    }

    private static String line(String text, String start) {
        return text.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow();
    }
}
