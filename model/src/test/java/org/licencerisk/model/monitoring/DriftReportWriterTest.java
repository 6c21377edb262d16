package org.licencerisk.model.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.model.features.FeatureKind;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.scoring.RiskBand;
import org.xml.sax.SAXException;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriftReportWriterTest {

    @TempDir
    Path tmp;

    private static DriftReport handMade() {
        DriftPeriod period = new DriftPeriod(Instant.parse("2025-01-01T00:00:00Z"), Instant.parse("2025-06-30T00:00:00Z"),
                10, 8, 2, Map.of("APPROVED", 6, "REFUSED", 2, "WITHDRAWN", 2), "ab12");
        List<DriftBin> bins = List.of(new DriftBin("<script>&", 5, 1, 0.5, 0.1, 0.7), new DriftBin("(other)", 5, 9, 0.5, 0.9, 0.2));
        return new DriftReport("lr-<v1>", "logistic", "ref-1", "fp", Instant.parse("2026-11-29T10:00:00Z"), period, period,
                0.9, DriftStatus.SIGNIFICANT, bins, List.of(new FeatureDrift("a<b&\"c\"", FeatureKind.CATEGORICAL, 0.9,
                DriftStatus.SIGNIFICANT, bins)), List.of(new BandAgreement(RiskBand.HIGH, 3, 0.3, 0.1, 0, 0, Double.NaN,
                Double.NaN)));
    }

    @Test
    void jsonRoundTripsWithTheDocumentedKeys() throws IOException {
        DriftReport report = DriftAnalyzerTest.ANALYZER.analyze(DriftAnalyzerTest.MODEL, DriftAnalyzerTest.DATA,
                DriftAnalyzerTest.subset(DriftAnalyzerTest.DATA.records().subList(0, 400)));
        DriftReportWriter.write(report, tmp);
        assertEquals(report, DriftReportWriter.readJson(tmp.resolve(DriftReportWriter.JSON_FILE)));
        JsonNode json = Json.mapper().readTree(tmp.resolve(DriftReportWriter.JSON_FILE).toFile());
        for (String key : List.of("scorePsi", "scoreStatus", "scoreBins", "features", "bandAgreement", "baseline", "recent",
                "modelVersion", "referenceDataVersion")) {
            assertTrue(json.has(key), key);
        }
        JsonNode first = json.get("features").get(0);
        for (String key : List.of("name", "psi", "status", "bins")) {
            assertTrue(first.has(key), key);
        }
        DriftReport withNaN = handMade();
        DriftReportWriter.writeJson(withNaN, tmp.resolve("nan.json"));
        assertEquals(withNaN, DriftReportWriter.readJson(tmp.resolve("nan.json")));
        assertFalse(Files.list(tmp).anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files left");
    }

    @Test
    void htmlIsSelfContainedWellFormedAndEscaped() throws Exception {
        DriftReport report = DriftAnalyzerTest.ANALYZER.analyze(DriftAnalyzerTest.MODEL, DriftAnalyzerTest.DATA,
                DriftAnalyzerTest.subset(DriftAnalyzerTest.DATA.records().subList(0, 400)));
        for (String html : List.of(DriftReportWriter.html(report), DriftReportWriter.html(handMade()))) {
            assertFalse(html.contains("<script"), "no scripts");
            assertFalse(html.contains("http"), "no external references");
            assertTrue(html.contains("<svg"), "plots");
            wellFormed(html);
        }
        String escaped = DriftReportWriter.html(handMade());
        assertTrue(escaped.contains("a&lt;b&amp;&quot;c&quot;") && escaped.contains("&lt;script&gt;&amp;"), "escaped");
        assertTrue(DriftReportWriter.html(report).contains("destinationHumanRightsRisk"));
        assertThrows(IllegalArgumentException.class, () -> DriftReportWriter.html(null));
    }

    /** Parses the page as XML: every element closed, every entity known (the one void element self-closed first). */
    private static void wellFormed(String html) throws ParserConfigurationException, IOException, SAXException {
        String xml = html.replaceFirst("<!DOCTYPE html>", "").replace("<meta charset=\"utf-8\">", "<meta charset=\"utf-8\"/>");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
