package org.licencerisk.model.evaluation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.model.io.AtomicFiles;
import java.nio.charset.StandardCharsets;

import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes an evaluation as {@code metrics.json} (through {@link Json#mapper()}) and as a self-contained
 * {@code report.html}, each file written whole or not at all, and reads {@code metrics.json} back.
 */
public final class EvaluationReportWriter {

    /** The metrics file's name in an output directory. */
    public static final String METRICS_FILE = "metrics.json";

    /** The HTML report's name in an output directory. */
    public static final String REPORT_FILE = "report.html";
    private static final String CONTEXT = "context";
    private static final String CURVES = "curves";

    private EvaluationReportWriter() {
    }

    /** Writes {@value #METRICS_FILE} and {@value #REPORT_FILE} into {@code directory}, creating it if needed. */
    public static void write(EvaluationReport report, Path directory) throws IOException {
        writeMetricsJson(report, directory.resolve(METRICS_FILE));
        writeHtml(report, directory.resolve(REPORT_FILE));
    }

    /**
     * Writes the report as JSON: the {@link EvaluationMetrics} at the top level ({@code rocAuc},
     * {@code averagePrecision}, {@code recallAtTop10}, {@code brier} and the rest), with {@code context} and
     * {@code curves} beside them. Undefined numbers (empty calibration bins) are written as the string {@code "NaN"}.
     */
    public static void writeMetricsJson(EvaluationReport report, Path file) throws IOException {
        requireReport(report);
        ObjectNode root = Json.mapper().valueToTree(report.metrics());
        root.set(CONTEXT, Json.mapper().valueToTree(report.context()));
        root.set(CURVES, Json.mapper().valueToTree(report.curves()));
        AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
    }

    /** Reads a report written by {@link #writeMetricsJson}, e.g. to compare two models from their files. */
    public static EvaluationReport readMetricsJson(Path file) throws IOException {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(file.toFile());
        EvaluationContext context = Json.mapper().treeToValue(root.remove(CONTEXT), EvaluationContext.class);
        PerformanceCurves curves = Json.mapper().treeToValue(root.remove(CURVES), PerformanceCurves.class);
        return new EvaluationReport(context, Json.mapper().treeToValue(root, EvaluationMetrics.class), curves);
    }

    /** Writes the self-contained HTML report. */
    public static void writeHtml(EvaluationReport report, Path file) throws IOException {
        AtomicFiles.write(file, html(report).getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the self-contained HTML report: inline CSS and SVG, no scripts or external references. */
    public static String html(EvaluationReport report) {
        requireReport(report);
        return HtmlReport.render("Refusal-risk model evaluation: " + report.context().modelVersion(),
                List.of(report.context().modelVersion()), List.of(report));
    }

    private static void requireReport(EvaluationReport report) {
        if (report == null) {
            throw new IllegalArgumentException("Writing an evaluation needs a report, found none.");
        }
    }
}
