package org.licencerisk.model.monitoring;

import org.licencerisk.model.io.AtomicFiles;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a drift report as {@code drift.json} (through {@link Json#mapper()}) and as a self-contained
 * {@code drift.html}, each file whole or not at all, and reads {@code drift.json} back.
 */
public final class DriftReportWriter {

    /** The JSON report's name in an output directory. */
    public static final String JSON_FILE = "drift.json";
    /** The HTML page's name in an output directory. */
    public static final String HTML_FILE = "drift.html";

    private DriftReportWriter() {
    }

    /** Writes {@value #JSON_FILE} and {@value #HTML_FILE} into {@code directory}, creating it if needed. */
    public static void write(DriftReport report, Path directory) throws IOException {
        writeJson(report, directory.resolve(JSON_FILE));
        AtomicFiles.write(directory.resolve(HTML_FILE), html(report).getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the report as JSON; undefined numbers (a band without decisions) are written as the string {@code "NaN"}. */
    public static void writeJson(DriftReport report, Path file) throws IOException {
        requireReport(report);
        AtomicFiles.write(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report));
    }

    /** Reads a report written by {@link #writeJson}. */
    public static DriftReport readJson(Path file) throws IOException {
        return Json.mapper().readValue(file.toFile(), DriftReport.class);
    }

    /** Returns the self-contained HTML page: inline CSS and SVG, no scripts or external references. */
    public static String html(DriftReport report) {
        requireReport(report);
        return DriftHtml.render(report);
    }

    private static void requireReport(DriftReport report) {
        if (report == null) {
            throw new IllegalArgumentException("Writing a drift report needs a report, found none.");
        }
    }
}
