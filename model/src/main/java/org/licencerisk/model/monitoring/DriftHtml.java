package org.licencerisk.model.monitoring;

import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.evaluation.HtmlStyle;
import org.licencerisk.model.evaluation.SvgPlot;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import static org.licencerisk.model.evaluation.Formats.count;
import static org.licencerisk.model.evaluation.Formats.decimal;
import static org.licencerisk.model.evaluation.Formats.html;
import static org.licencerisk.model.evaluation.Formats.percent;

/**
 * Renders a drift report as a self-contained HTML page: inline CSS and SVG only, no scripts, fonts, images or
 * external references, every text escaped.
 */
final class DriftHtml {

    private static final String BASELINE_COLOUR = "#1f4e79";
    private static final String RECENT_COLOUR = "#c0504d";
    private static final int CHART_LEFT = 250;
    private static final int CHART_WIDTH = 360;
    private static final int ROW = 18;
    private static final int CHART_TOP = 34;

    private static final String STYLE = HtmlStyle.BASE + """
            td.STABLE { background: #e6f4ea; } td.MODERATE { background: #fff4ce; } td.SIGNIFICANT { background: #fde2e1; }
            svg .bar { opacity: 0.6; }
            svg rect.STABLE { fill: #5b9f6b; } svg rect.MODERATE { fill: #e0a800; } svg rect.SIGNIFICANT { fill: #c0504d; }
            details { margin: 0.2em 0; }
            """;

    private static final String METHOD_NOTE = String.join(" ",
            "Population stability index: PSI = Σ (r − b) × ln(r / b) over bins, b and r the baseline's and the recent",
            "period's shares in a bin; shares below " + PopulationStability.EPSILON + " count as "
                    + PopulationStability.EPSILON + " so that an empty bin stays finite.",
            "Scores and numeric features are binned at the baseline's deciles (equal cut points merge; a missing value",
            "has a bin of its own); categorical features by the baseline's most frequent levels, the rest in (other);",
            "multi-valued features over all their values; booleans by true and false.",
            "Reading: below 0.1 stable, 0.1 to 0.25 moderate, above 0.25 significant.",
            "Small periods inflate the index: read it together with the counts.");

    private DriftHtml() {
    }

    static String render(DriftReport report) {
        StringBuilder page = new StringBuilder(64 * 1024);
        String heading = "Drift report: " + report.modelVersion();
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(html(heading)).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
                .append("<header>\n<h1>").append(html(heading)).append("</h1>\n")
                .append("<p class=\"notice\">Recent applications compared with the model's baseline (its training ")
                .append("data), and the risk bands checked against officers' recent decisions. The risk score ")
                .append("supports the licensing officer; it approves or refuses nothing.</p>\n");
        context(page, report);
        page.append("</header>\n");
        scores(page, report);
        features(page, report);
        bands(page, report);
        page.append("<footer class=\"small\">\n<h2>How these figures are computed</h2>\n<p>").append(html(METHOD_NOTE))
                .append("</p>\n</footer>\n</body>\n</html>\n");
        return page.toString();
    }

    private static void context(StringBuilder page, DriftReport r) {
        page.append("<table class=\"context\">\n<thead><tr><th></th><th>Baseline</th><th>Recent</th></tr></thead>\n<tbody>\n");
        periodRow(page, "Decisions from", day(r.baseline().firstDecision()), day(r.recent().firstDecision()));
        periodRow(page, "Decisions to", day(r.baseline().lastDecision()), day(r.recent().lastDecision()));
        periodRow(page, "Applications", count(r.baseline().applications()), count(r.recent().applications()));
        periodRow(page, "Approved or refused", count(r.baseline().labelled()), count(r.recent().labelled()));
        periodRow(page, "Refused", count(r.baseline().refusals()), count(r.recent().refusals()));
        int baselineUndecided = undecided(r.baseline());
        int recentUndecided = undecided(r.recent());
        if (baselineUndecided > 0 || recentUndecided > 0) {
            periodRow(page, "Not decided yet", count(baselineUndecided), count(recentUndecided));
        }
        page.append("</tbody>\n</table>\n<p class=\"small\">Model ").append(html(r.modelVersion())).append(" (")
                .append(html(r.trainer())).append("), reference data ").append(html(r.referenceDataVersion()))
                .append(", report made ").append(html(r.generatedAt().toString())).append(".</p>\n");
    }

    private static void scores(StringBuilder page, DriftReport r) {
        double top = niceCeiling(r.scoreBins().stream()
                .mapToDouble(b -> Math.max(b.baselineShare(), b.recentShare())).max().orElse(0.1));
        SvgPlot plot = new SvgPlot("Score distribution", "Baseline share below the bin (bins: baseline score deciles)",
                "Share of applications in the bin").yMax(top);
        double left = 0;
        for (DriftBin bin : r.scoreBins()) {
            double width = bin.baselineShare();
            double middle = left + width / 2;
            plot.bar(left, middle, bin.baselineShare(), BASELINE_COLOUR,
                    "Baseline, scores " + bin.label() + ": " + percent(bin.baselineShare(), 1), null);
            plot.bar(middle, left + width, bin.recentShare(), RECENT_COLOUR,
                    "Recent, scores " + bin.label() + ": " + percent(bin.recentShare(), 1), null);
            left += width;
        }
        plot.reference(0, 0.1, 1, 0.1, "A tenth of the applications (each baseline bin holds about this)")
                .key(BASELINE_COLOUR, "Baseline (left bar of each bin)")
                .key(RECENT_COLOUR, "Recent (right bar of each bin)");
        page.append("<section id=\"scores\">\n<h2>Scores</h2>\n<p>Population stability index of the calibrated scores: ")
                .append("<strong>").append(decimal(r.scorePsi(), 4)).append("</strong> (")
                .append(html(r.scoreStatus().name())).append(").</p>\n").append(plot.render());
        binTable(page, "Score bin", r.scoreBins());
        page.append("</section>\n");
    }

    private static void features(StringBuilder page, DriftReport r) {
        List<FeatureDrift> sorted = r.features().stream()
                .sorted(Comparator.comparingDouble(FeatureDrift::psi).reversed().thenComparing(FeatureDrift::name)).toList();
        page.append("<section id=\"features\">\n<h2>Features</h2>\n").append(psiChart(sorted))
                .append("<table>\n<thead><tr><th>Feature</th><th>Kind</th><th>PSI</th><th>Status</th><th>Bins</th></tr>")
                .append("</thead>\n<tbody>\n");
        for (FeatureDrift f : sorted) {
            page.append("<tr><td class=\"text\">").append(html(f.name())).append("</td><td class=\"text\">")
                    .append(html(f.kind().name().toLowerCase(Locale.ROOT))).append("</td><td>").append(decimal(f.psi(), 4))
                    .append("</td><td class=\"text ").append(f.status().name()).append("\">").append(html(f.status().name()))
                    .append("</td><td class=\"text\"><details><summary>").append(f.bins().size()).append(" bins</summary>\n");
            binTable(page, "Bin", f.bins());
            page.append("</details></td></tr>\n");
        }
        page.append("</tbody>\n</table>\n</section>\n");
    }

    /** A horizontal bar per feature, largest index first, with the two reading thresholds as dashed lines. */
    private static String psiChart(List<FeatureDrift> sorted) {
        double top = Math.max(0.3, niceCeiling(sorted.stream().mapToDouble(FeatureDrift::psi).max().orElse(0)));
        int height = CHART_TOP + ROW * sorted.size() + 30;
        StringBuilder svg = new StringBuilder(8192);
        svg.append("<svg class=\"plot\" width=\"").append(CHART_LEFT + CHART_WIDTH + 70).append("\" height=\"")
                .append(height).append("\" role=\"img\" aria-label=\"Population stability index per feature\">\n")
                .append("<title>Population stability index per feature</title>\n")
                .append("<text class=\"plot-title\" x=\"").append(CHART_LEFT).append("\" y=\"18\">")
                .append("Population stability index per feature</text>\n");
        for (int i = 0; i < sorted.size(); i++) {
            FeatureDrift f = sorted.get(i);
            int y = CHART_TOP + ROW * i;
            double width = Math.min(f.psi(), top) / top * CHART_WIDTH;
            svg.append("<text x=\"").append(CHART_LEFT - 6).append("\" y=\"").append(y + 12)
                    .append("\" text-anchor=\"end\">").append(html(f.name())).append("</text>\n")
                    .append("<rect class=\"").append(f.status().name()).append("\" x=\"").append(CHART_LEFT)
                    .append("\" y=\"").append(y + 2).append("\" width=\"").append(px(width)).append("\" height=\"")
                    .append(ROW - 4).append("\"><title>").append(html(f.name() + ": PSI " + decimal(f.psi(), 4)
                            + ", " + f.status().name())).append("</title></rect>\n")
                    .append("<text class=\"bar-label\" x=\"").append(px(CHART_LEFT + width + 4)).append("\" y=\"")
                    .append(y + 12).append("\">").append(decimal(f.psi(), 3)).append("</text>\n");
        }
        int bottom = CHART_TOP + ROW * sorted.size();
        for (double threshold : List.of(DriftStatus.MODERATE_FROM, DriftStatus.SIGNIFICANT_ABOVE)) {
            String x = px(CHART_LEFT + threshold / top * CHART_WIDTH);
            svg.append("<line class=\"reference\" stroke=\"#888888\" x1=\"").append(x).append("\" y1=\"")
                    .append(CHART_TOP - 4).append("\" x2=\"").append(x).append("\" y2=\"").append(bottom).append("\"/>\n")
                    .append("<text class=\"tick\" x=\"").append(x).append("\" y=\"").append(bottom + 14)
                    .append("\" text-anchor=\"middle\">").append(decimal(threshold, 2)).append("</text>\n");
        }
        svg.append("<text class=\"axis\" x=\"").append(CHART_LEFT + CHART_WIDTH / 2).append("\" y=\"").append(bottom + 28)
                .append("\" text-anchor=\"middle\">PSI (dashed: 0.10 moderate, 0.25 significant; axis to ")
                .append(decimal(top, 2)).append(")</text>\n</svg>\n");
        return svg.toString();
    }

    private static void bands(StringBuilder page, DriftReport r) {
        page.append("<section id=\"bands\">\n<h2>Risk bands and officers' decisions (recent period)</h2>\n<table>\n")
                .append("<thead><tr><th>Band</th><th>Applications</th><th>Share</th><th>Share in training</th>")
                .append("<th>Approved or refused</th><th>Refused</th><th>Refused among decided</th>")
                .append("<th>Share of all refusals</th></tr></thead>\n<tbody>\n");
        for (BandAgreement b : r.bandAgreement()) {
            page.append("<tr><td class=\"text\">").append(html(b.band().name())).append("</td><td>")
                    .append(count(b.applications())).append("</td><td>").append(percent(b.shareOfApplications(), 1))
                    .append("</td><td>").append(percent(b.expectedShare(), 1)).append("</td><td>")
                    .append(count(b.decisions())).append("</td><td>").append(count(b.refusals())).append("</td><td>")
                    .append(percent(b.refusalRate(), 1)).append("</td><td>").append(percent(b.shareOfRefusals(), 1))
                    .append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n<p class=\"small\">For HIGH: \"refused among decided\" is the share of ")
                .append("HIGH-band applications officers refused; \"share of all refusals\" the share of refusals ")
                .append("the model had put in HIGH. Applications not yet decided count in the band shares only.</p>\n")
                .append("</section>\n");
    }

    private static void binTable(StringBuilder page, String first, List<DriftBin> bins) {
        page.append("<table class=\"bins\">\n<thead><tr><th>").append(html(first)).append("</th><th>Baseline</th>")
                .append("<th>Baseline share</th><th>Recent</th><th>Recent share</th><th>PSI term</th></tr></thead>\n<tbody>\n");
        for (DriftBin b : bins) {
            page.append("<tr><td class=\"text\">").append(html(b.label())).append("</td><td>")
                    .append(count(b.baselineCount())).append("</td><td>").append(percent(b.baselineShare(), 1))
                    .append("</td><td>").append(count(b.recentCount())).append("</td><td>")
                    .append(percent(b.recentShare(), 1)).append("</td><td>").append(decimal(b.contribution(), 4))
                    .append("</td></tr>\n");
        }
        page.append("</tbody>\n</table>\n");
    }

    private static void periodRow(StringBuilder page, String label, String baseline, String recent) {
        page.append("<tr><td class=\"text\">").append(html(label)).append("</td><td>").append(html(baseline))
                .append("</td><td>").append(html(recent)).append("</td></tr>\n");
    }

    /** The next of 0.05, 0.1, 0.15, … (below 1) or of 0.5, 1, 1.5, … at or above a value, so that axes end evenly. */
    static double niceCeiling(double value) {
        double step = value < 1 ? 0.05 : 0.5;
        return Math.max(step, Math.ceil(value * 1.05 / step) * step);
    }

    private static int undecided(DriftPeriod period) {
        return period.outcomeCounts().getOrDefault(DecisionRecord.UNDECIDED, 0);
    }

    private static String day(java.time.Instant instant) {
        return instant == null ? "\u2013" : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
    }

    private static String px(double pixels) {
        return String.format(Locale.ROOT, "%.2f", pixels);
    }
}
