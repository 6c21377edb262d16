package org.licencerisk.model.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.scoring.BandThresholds;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationReportWriterTest {

    private static final String HOSTILE_VERSION = "v1 <script>alert(\"x\")</script> & 'co'";

    static EvaluationReport sampleReport(String modelVersion, long seed) {
        Random random = new Random(seed);
        int n = 2_000;
        double[] scores = new double[n];
        boolean[] refused = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = Math.min(1.0, Math.round(random.nextDouble() * random.nextDouble() * 1000) / 1000.0);
            refused[i] = random.nextDouble() < scores[i] * 0.8;
        }
        scores[0] = 1.0; // 1.0 falls in the last calibration bin
        EvaluationContext context = new EvaluationContext(modelVersion, "logistic", "2025-01-01 to 2025-06-30",
                Map.of("APPROVED", n - 40, "REFUSED", 40, "WITHDRAWN", 12));
        return new RiskEvaluator().report(context, scores, refused, new BandThresholds(0.3, 0.6, 0.05, 0.2));
    }

    @Test
    void metricsJsonRoundTripsThroughTheSharedMapper(@TempDir Path dir) throws IOException {
        EvaluationReport report = sampleReport("logistic-20261129T101500Z-3f2a9c1e", 1);
        EvaluationReportWriter.write(report, dir);

        Path file = dir.resolve("metrics.json");
        JsonNode tree = Json.mapper().readTree(file.toFile());
        for (String key : List.of("rocAuc", "averagePrecision", "recallAtTop10", "brier", "calibration", "confusion")) {
            assertTrue(tree.has(key), key);
        }
        assertEquals("logistic-20261129T101500Z-3f2a9c1e", tree.path("context").path("modelVersion").asText());
        assertEquals(12, tree.path("context").path("outcomeCounts").path("WITHDRAWN").asInt());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).remove(List.of("context", "curves"));
        assertEquals(report.metrics(), Json.mapper().treeToValue(tree, EvaluationMetrics.class));
        assertEquals(report, EvaluationReportWriter.readMetricsJson(file));
    }

    @Test
    void metricsJsonKeepsEmptyCalibrationBinsAsNaN(@TempDir Path dir) throws IOException {
        // Scores only in bins 1 and 8: the other eight bins are empty, with NaN mean and rate.
        EvaluationReport report = new RiskEvaluator().report(new EvaluationContext("v", "xgboost", "2025", Map.of()),
                new double[]{0.15, 0.85, 0.85}, new boolean[]{false, true, false}, new BandThresholds(0.3, 0.6, 0, 0));
        Path file = dir.resolve("metrics.json");
        EvaluationReportWriter.writeMetricsJson(report, file);
        EvaluationReport read = EvaluationReportWriter.readMetricsJson(file);
        assertTrue(Double.isNaN(read.metrics().calibration().get(5).meanScore()));
        assertEquals(report, read);
    }

    @Test
    void htmlIsSelfContainedWithFourPlotsAndEscapedText() throws Exception {
        String html = EvaluationReportWriter.html(sampleReport(HOSTILE_VERSION, 2));

        // ROC, precision-recall, calibration and the reliability diagram with the ECE in its legend.
        assertEquals(4, count(html, "<svg"));
        assertEquals(4, count(html, "</svg>"));
        assertTrue(html.contains("Reliability (ten equal-count bins)"), "the reliability diagram");
        assertTrue(html.contains("Expected calibration error"), "ECE among the metrics");
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"));
        assertFalse(html.contains("http"));
        assertFalse(html.contains("url("));
        assertFalse(html.contains("<link"));
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("v1 &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"));
        assertTrue(html.contains("It approves or refuses nothing; every decision is taken by an officer."));
        for (String tag : List.of("table", "section", "tr", "td", "th", "svg", "text", "title")) {
            assertEquals(count(html, "<" + tag + ">") + count(html, "<" + tag + " "), count(html, "</" + tag + ">"),
                    "balanced <" + tag + ">");
        }
        // Every plot is well-formed XML on its own.
        Matcher svg = Pattern.compile("<svg.*?</svg>", Pattern.DOTALL).matcher(html);
        while (svg.find()) {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(svg.group().getBytes(StandardCharsets.UTF_8)));
            assertEquals("svg", doc.getDocumentElement().getTagName());
        }
    }

    @Test
    void htmlShowsEveryPartOfTheReport() {
        EvaluationReport report = sampleReport("v2", 3);
        String html = EvaluationReportWriter.html(report);
        EvaluationMetrics m = report.metrics();
        for (String part : List.of("ROC curve", "Precision–recall curve", "Calibration", "Recall in top 10%",
                "ROC-AUC", "Average precision", "Brier score", "2025-01-01 to 2025-06-30", "logistic", "WITHDRAWN",
                "HIGH or above", "MEDIUM or above", "Top 5%", "Top 20%", "0.9 to 1.0 (inclusive)")) {
            assertTrue(html.contains(part), part);
        }
        assertTrue(html.contains(String.format(Locale.ROOT, "%.4f", m.rocAuc())));
        assertTrue(html.contains(String.format(Locale.ROOT, "%,d", m.count())));
    }

    @Test
    void numbersIgnoreTheDefaultLocale() {
        EvaluationReport report = sampleReport("v3", 4);
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            String html = EvaluationReportWriter.html(report);
            assertTrue(html.contains(String.format(Locale.ROOT, "%.4f", report.metrics().rocAuc())));
            assertFalse(html.contains(String.format(Locale.GERMANY, "%.4f", report.metrics().rocAuc())));
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void filesAreReplacedWhole(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("report.html");
        Files.writeString(file, "old");
        EvaluationReportWriter.writeHtml(sampleReport("v4", 5), file);
        assertTrue(Files.readString(file).startsWith("<!DOCTYPE html>"));
        assertEquals(List.of(file), listing(dir));
    }

    @Test
    void failedWriteLeavesNoTemporaryFile(@TempDir Path dir) throws IOException {
        // The target is a non-empty directory, so the final move fails.
        Path target = dir.resolve("metrics.json");
        Files.createDirectories(target.resolve("occupied"));
        assertThrows(IOException.class, () -> EvaluationReportWriter.writeMetricsJson(sampleReport("v5", 6), target));
        assertEquals(List.of(target), listing(dir));
        assertTrue(Files.isDirectory(target.resolve("occupied")));
    }

    @Test
    void rejectsMissingReport() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EvaluationReportWriter.html(null));
        assertEquals("Writing an evaluation needs a report, found none.", e.getMessage());
    }

    private static List<Path> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
