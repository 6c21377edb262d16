package org.licencerisk.model.evaluation;

import org.licencerisk.model.scoring.RiskBand;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import static org.licencerisk.model.evaluation.Formats.count;
import static org.licencerisk.model.evaluation.Formats.decimal;
import static org.licencerisk.model.evaluation.Formats.html;
import static org.licencerisk.model.evaluation.Formats.percent;
import static org.licencerisk.model.evaluation.Formats.signed;

/**
 * Renders one evaluation report, or two side by side, as a self-contained HTML page: inline CSS and SVG only, no
 * scripts, fonts, images or external references, every text escaped.
 */
final class HtmlReport {

    private static final List<String> COLOURS = List.of("#1f4e79", "#c0504d");
    private static final List<TopOfQueue> TOP_OF_QUEUE = List.of(
            new TopOfQueue(5, EvaluationMetrics::recallAtTop5),
            new TopOfQueue(10, EvaluationMetrics::recallAtTop10),
            new TopOfQueue(20, EvaluationMetrics::recallAtTop20));
    private static final List<RiskBand> FLAGGING_BANDS = List.of(RiskBand.HIGH, RiskBand.MEDIUM);
    private static final double COUNT_BAR_HEIGHT = 0.2;


    private static final String METHOD_NOTE = String.join(" ",
            "Only approved and refused applications are labels; other outcomes are counted above but not evaluated.",
            "ROC-AUC counts a tied refused/approved pair as one half (Mann–Whitney with average ranks).",
            "Average precision lets applications with equal scores enter together, as scikit-learn does.",
            "The top k% of the queue holds ceil(k% × n) applications; where that cut falls among equal scores,",
            "their refusals count in proportion to the places left (the expected figure if ties were queued in",
            "random order), so refusals found may be fractional.",
            "Calibration bins are equal-width tenths of the score, a score of 1.0 falling in the last.",
            "The reliability diagram and the expected calibration error use ten equal-count bins instead: the",
            "applications sorted by score (ties approved first) and cut into tenths.",
            "An application is flagged at a band threshold when its score is at or above it.");

    private HtmlReport() {
    }

    /**
     * Renders the reports, one column or series per report.
     *
     * @param heading the page's heading
     * @param names   what each report is called in tables and legends
     * @param reports one or two reports
     */
    static String render(String heading, List<String> names, List<EvaluationReport> reports) {
        StringBuilder page = new StringBuilder(64 * 1024);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(html(heading)).append("</title>\n<style>\n").append(HtmlStyle.BASE).append("</style>\n</head>\n<body>\n")
                .append("<header>\n<h1>").append(html(heading)).append("</h1>\n")
                .append("<p class=\"notice\">The risk score supports the licensing officer: it orders the queue so ")
                .append("that the riskiest applications are looked at first. It approves or refuses nothing; every ")
                .append("decision is taken by an officer.</p>\n");
        context(page, names, reports);
        page.append("</header>\n");
        metrics(page, names, reports);
        topOfQueue(page, names, reports);
        curves(page, names, reports);
        calibration(page, names, reports);
        reliability(page, names, reports);
        confusion(page, names, reports);
        page.append("<footer class=\"small\">\n<h2>How these figures are computed</h2>\n<p>")
                .append(html(METHOD_NOTE)).append(" Curves are drawn from at most ")
                .append(RiskEvaluator.MAX_CURVE_POINTS).append(" points each.</p>\n</footer>\n</body>\n</html>\n");
        return page.toString();
    }

    private static void context(StringBuilder page, List<String> names, List<EvaluationReport> reports) {
        page.append("<table class=\"context\">\n");
        headerRow(page, "", names);
        page.append("<tbody>\n");
        row(page, "Model version", reports, r -> r.context().modelVersion());
        row(page, "Trainer", reports, r -> r.context().trainer());
        row(page, "Test period", reports, r -> r.context().period());
        row(page, "Labelled applications (approved or refused)", reports, r -> count(r.metrics().count()));
        row(page, "Refusals", reports, r -> count(r.metrics().refusals()));
        row(page, "Base rate (refusal share)", reports, r -> percent(r.metrics().baseRate(), 2));
        Set<String> outcomes = new TreeSet<>();
        reports.forEach(r -> outcomes.addAll(r.context().outcomeCounts().keySet()));
        for (String outcome : outcomes) {
            row(page, "Outcome " + outcome + " (all applications in the period)", reports,
                    r -> r.context().outcomeCounts().containsKey(outcome)
                            ? count(r.context().outcomeCounts().get(outcome)) : "0");
        }
        page.append("</tbody>\n</table>\n");
    }

    private static void metrics(StringBuilder page, List<String> names, List<EvaluationReport> reports) {
        page.append("<section id=\"metrics\">\n<h2>Metrics</h2>\n<table>\n<thead><tr><th>Metric</th>");
        names.forEach(n -> page.append("<th>").append(html(n)).append("</th>"));
        if (reports.size() == 2) {
            page.append("<th>Difference</th>");
        }
        page.append("<th>Uninformed score</th><th>Meaning</th></tr></thead>\n<tbody>\n");
        boolean first = true;
        for (HeadlineMetric metric : HeadlineMetric.ALL) {
            page.append(first ? "<tr class=\"headline\">" : "<tr>").append("<td class=\"text\">")
                    .append(html(metric.name())).append("</td>");
            for (EvaluationReport r : reports) {
                page.append("<td>").append(decimal(metric.of(r.metrics()), 4)).append("</td>");
            }
            if (reports.size() == 2) {
                page.append("<td>").append(signed(metric.of(reports.get(1).metrics())
                        - metric.of(reports.get(0).metrics()), 4)).append("</td>");
            }
            page.append("<td>").append(decimal(metric.uninformed().applyAsDouble(reports.get(0).metrics()), 4))
                    .append("</td><td class=\"text\">").append(html(metric.meaning())).append("</td></tr>\n");
            first = false;
        }
        page.append("</tbody>\n</table>\n<p class=\"small\">Uninformed score: what a random ranking achieves (for ")
                .append("the Brier score, always forecasting the base rate).</p>\n</section>\n");
    }

    private static void topOfQueue(StringBuilder page, List<String> names, List<EvaluationReport> reports) {
        page.append("<section id=\"top-of-queue\">\n<h2>Refusals in the top of the queue</h2>\n<table>\n");
        groupedHeader(page, List.of("Top of queue", "Applications reviewed"), names,
                List.of("Refusals found", "Recall", "Lift"));
        for (TopOfQueue top : TOP_OF_QUEUE) {
            int percent = top.percent();
            page.append("<tr><td class=\"text\">Top ").append(percent).append("%</td><td>")
                    .append(count(RankedScores.topCount(percent, reports.get(0).metrics().count()))).append("</td>");
            for (EvaluationReport r : reports) {
                double recall = top.recall().applyAsDouble(r.metrics());
                page.append("<td>").append(refusalsFound(recall * r.metrics().refusals())).append(" of ")
                        .append(count(r.metrics().refusals())).append("</td><td>").append(percent(recall, 1))
                        .append("</td><td>").append(decimal(recall / (percent / 100.0), 2)).append("×</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</tbody>\n</table>\n<p class=\"small\">Lift: recall divided by the share of the queue reviewed; ")
                .append("a random order has lift 1.</p>\n</section>\n");
    }

    private static void curves(StringBuilder page, List<String> names, List<EvaluationReport> reports) {
        SvgPlot roc = new SvgPlot("ROC curve", "False positive rate (approvals flagged)",
                "True positive rate (refusals flagged)").reference(0, 0, 1, 1, "Random ranking");
        double baseRate = reports.get(0).metrics().baseRate();
        SvgPlot pr = new SvgPlot("Precision–recall curve", "Recall (refusals flagged)",
                "Precision (flagged that were refused)")
                .reference(0, baseRate, 1, baseRate, "Base rate " + percent(baseRate, 2));
        for (int i = 0; i < reports.size(); i++) {
            EvaluationReport r = reports.get(i);
            List<double[]> rocPoints = new ArrayList<>();
            r.curves().roc().forEach(p -> rocPoints.add(new double[]{p.falsePositiveRate(), p.truePositiveRate()}));
            roc.line(rocPoints, COLOURS.get(i), names.get(i) + " (AUC " + decimal(r.metrics().rocAuc(), 3) + ")");
            pr.line(precisionRecallSteps(r.curves().precisionRecall()), COLOURS.get(i),
                    names.get(i) + " (AP " + decimal(r.metrics().averagePrecision(), 3) + ")");
        }
        page.append("<section id=\"curves\">\n<h2>Ranking</h2>\n<div class=\"plots\">\n").append(roc.render())
                .append(pr.render()).append("</div>\n</section>\n");
    }

    /** Draws the precision–recall curve as the steps average precision sums: precision P_n over (R_n-1, R_n]. */
    private static List<double[]> precisionRecallSteps(List<PrecisionRecallPoint> points) {
        List<double[]> steps = new ArrayList<>(2 * points.size());
        double previousRecall = 0;
        for (PrecisionRecallPoint p : points) {
            steps.add(new double[]{previousRecall, p.precision()});
            steps.add(new double[]{p.recall(), p.precision()});
            previousRecall = p.recall();
        }
        return steps;
    }

    private static void calibration(StringBuilder page, List<String> names, List<EvaluationReport> reports) {
        SvgPlot plot = new SvgPlot("Calibration", "Mean predicted score in bin", "Observed refusal rate in bin")
                .reference(0, 0, 1, 1, "Perfect calibration");
        int maxCount = 1;
        for (EvaluationReport r : reports) {
            for (CalibrationBin bin : r.metrics().calibration()) {
                maxCount = Math.max(maxCount, bin.count());
            }
        }
        for (int i = 0; i < reports.size(); i++) {
            List<double[]> points = new ArrayList<>();
            List<String> tooltips = new ArrayList<>();
            for (CalibrationBin bin : reports.get(i).metrics().calibration()) {
                double width = (bin.upper() - bin.lower()) / reports.size();
                double left = bin.lower() + i * width;
                String range = decimal(bin.lower(), 1) + "–" + decimal(bin.upper(), 1);
                plot.bar(left, left + width, COUNT_BAR_HEIGHT * bin.count() / maxCount, COLOURS.get(i),
                        names.get(i) + ", scores " + range + ": " + count(bin.count()) + " applications",
                        reports.size() == 1 ? compactCount(bin.count()) : null);
                if (bin.count() > 0) {
                    points.add(new double[]{bin.meanScore(), bin.refusalRate()});
                    tooltips.add(names.get(i) + ", scores " + range + ": mean score " + decimal(bin.meanScore(), 3)
                            + ", refusal rate " + decimal(bin.refusalRate(), 3) + ", " + count(bin.count())
                            + " applications");
                }
            }
            plot.line(points, COLOURS.get(i), names.get(i)).markers(points, tooltips, COLOURS.get(i));
        }
        page.append("<section id=\"calibration\">\n<h2>Calibration</h2>\n<p>A score of 0.3 should mean about a 30% ")
                .append("chance of refusal: points on the dashed diagonal are well calibrated. Bars along the bottom ")
                .append("show how many applications each bin holds.</p>\n<div class=\"plots\">\n")
                .append(plot.render()).append("<table>\n");
        groupedHeader(page, List.of("Score bin"), names, List.of("Applications", "Mean score", "Refusal rate"));
        List<CalibrationBin> firstBins = reports.get(0).metrics().calibration();
        for (int b = 0; b < firstBins.size(); b++) {
            CalibrationBin bin = firstBins.get(b);
            boolean last = b == firstBins.size() - 1;
            page.append("<tr><td class=\"text\">").append(decimal(bin.lower(), 1)).append(" to ")
                    .append(decimal(bin.upper(), 1)).append(last ? " (inclusive)" : "").append("</td>");
            for (EvaluationReport r : reports) {
                CalibrationBin own = r.metrics().calibration().get(b);
                page.append("<td>").append(count(own.count())).append("</td><td>").append(decimal(own.meanScore(), 4))
                        .append("</td><td>").append(decimal(own.refusalRate(), 4)).append("</td>");
            }
            page.append("</tr>\n");
        }
        page.append("</tbody>\n</table>\n</div>\n</section>\n");
    }

    /** The reliability diagram: ten equal-count bins, on axes zoomed to where the scores are. */
    private static void reliability(StringBuilder page, List<String> names, List<EvaluationReport> reports) {
        double max = 0;
        for (EvaluationReport r : reports) {
            for (ReliabilityBin bin : r.metrics().reliability()) {
                max = Math.max(max, Math.max(bin.meanScore(), bin.refusalRate()));
            }
        }
        if (max == 0) {
            return;
        }
        double top = niceCeiling(max);
        SvgPlot plot = new SvgPlot("Reliability (ten equal-count bins)", "Mean predicted score in bin",
                "Observed refusal rate in bin").xMax(top).yMax(top).reference(0, 0, top, top, "Perfect calibration");
        for (int i = 0; i < reports.size(); i++) {
            List<double[]> points = new ArrayList<>();
            List<String> tooltips = new ArrayList<>();
            List<ReliabilityBin> bins = reports.get(i).metrics().reliability();
            for (int b = 0; b < bins.size(); b++) {
                ReliabilityBin bin = bins.get(b);
                points.add(new double[]{bin.meanScore(), bin.refusalRate()});
                tooltips.add(names.get(i) + ", tenth " + (b + 1) + ": mean score " + decimal(bin.meanScore(), 4)
                        + ", refusal rate " + decimal(bin.refusalRate(), 4) + ", " + count(bin.count()) + " applications");
            }
            Double ece = reports.get(i).metrics().expectedCalibrationError();
            plot.line(points, COLOURS.get(i), names.get(i) + " (ECE " + (ece == null ? "n/a" : decimal(ece, 4)) + ")")
                    .markers(points, tooltips, COLOURS.get(i));
        }
        page.append("<section id=\"reliability\">\n<h2>Reliability</h2>\n<p>The applications sorted by score and ")
                .append("cut into ten equal tenths: each point is a tenth's mean score against its refusal rate. ")
                .append("The expected calibration error is the mean distance from the diagonal, weighted by ")
                .append("applications.</p>\n<div class=\"plots\">\n").append(plot.render()).append("</div>\n</section>\n");
    }

    /** The smallest of 1, 2 or 5 times a power of ten at or above {@code x}. */
    private static double niceCeiling(double x) {
        double power = Math.pow(10, Math.floor(Math.log10(x)));
        for (double step : new double[]{1, 2, 5, 10}) {
            if (step * power >= x) {
                return Math.min(1.0, step * power);
            }
        }
        return 1.0;
    }

    private static void confusion(StringBuilder page, List<String> names, List<EvaluationReport> reports) {
        page.append("<section id=\"confusion\">\n<h2>At the band thresholds</h2>\n<p>An application is flagged ")
                .append("when its score is at or above the band's lowest score. Thresholds come from each model's ")
                .append("training period.</p>\n<div class=\"matrices\">\n");
        for (RiskBand band : FLAGGING_BANDS) {
            for (int i = 0; i < reports.size(); i++) {
                ConfusionMatrix m = reports.get(i).metrics().confusion().get(band.name());
                if (m == null) {
                    continue;
                }
                int flagged = m.truePositives() + m.falsePositives();
                int refusals = m.truePositives() + m.falseNegatives();
                int total = flagged + m.trueNegatives() + m.falseNegatives();
                page.append("<table class=\"confusion\">\n<caption>").append(html(band.name()))
                        .append(" or above (score ≥ ").append(decimal(m.threshold(), 4)).append("), ")
                        .append(html(names.get(i))).append("</caption>\n<thead><tr><th></th><th>Flagged</th>")
                        .append("<th>Not flagged</th></tr></thead>\n<tbody>\n<tr><td class=\"text\">Refused</td><td>")
                        .append(count(m.truePositives())).append("</td><td>").append(count(m.falseNegatives()))
                        .append("</td></tr>\n<tr><td class=\"text\">Approved</td><td>")
                        .append(count(m.falsePositives())).append("</td><td>").append(count(m.trueNegatives()))
                        .append("</td></tr>\n<tr><td class=\"text\">Share flagged</td><td colspan=\"2\">")
                        .append(percent(share(flagged, total), 1)).append("</td></tr>\n")
                        .append("<tr><td class=\"text\">Precision</td><td colspan=\"2\">")
                        .append(percent(share(m.truePositives(), flagged), 1)).append("</td></tr>\n")
                        .append("<tr><td class=\"text\">Recall</td><td colspan=\"2\">")
                        .append(percent(share(m.truePositives(), refusals), 1)).append("</td></tr>\n")
                        .append("</tbody>\n</table>\n");
            }
        }
        page.append("</div>\n</section>\n");
    }

    /** A table head with leading columns spanning two rows, then one group of columns per report. */
    private static void groupedHeader(StringBuilder page, List<String> leading, List<String> names,
                                      List<String> perReport) {
        page.append("<thead>\n<tr>");
        leading.forEach(c -> page.append("<th rowspan=\"2\">").append(html(c)).append("</th>"));
        names.forEach(n -> page.append("<th colspan=\"").append(perReport.size()).append("\">").append(html(n))
                .append("</th>"));
        page.append("</tr>\n<tr>");
        for (int i = 0; i < names.size(); i++) {
            perReport.forEach(c -> page.append("<th>").append(html(c)).append("</th>"));
        }
        page.append("</tr>\n</thead>\n<tbody>\n");
    }

    /** Refusals found as a whole number, or with one decimal where a tie at the cut shared them out. */
    private static String refusalsFound(double found) {
        long whole = Math.round(found);
        return Math.abs(found - whole) < 1e-9 ? count(whole) : String.format(Locale.ROOT, "%,.1f", found);
    }

    /** A bin count short enough to label a bar a tenth of the plot wide: 844, 6.9k, 89k, 1.2M. */
    private static String compactCount(int n) {
        if (n < 1_000) {
            return Integer.toString(n);
        }
        if (n < 999_500) {
            return n < 10_000 ? String.format(Locale.ROOT, "%.1fk", n / 1e3) : Math.round(n / 1e3) + "k";
        }
        return String.format(Locale.ROOT, "%.1fM", n / 1e6);
    }

    private static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    private static void headerRow(StringBuilder page, String first, List<String> names) {
        page.append("<thead><tr><th>").append(html(first)).append("</th>");
        names.forEach(n -> page.append("<th>").append(html(n)).append("</th>"));
        page.append("</tr></thead>\n");
    }

    private static void row(StringBuilder page, String label, List<EvaluationReport> reports,
                            Function<EvaluationReport, String> cell) {
        page.append("<tr><td class=\"text\">").append(html(label)).append("</td>");
        reports.forEach(r -> page.append("<td class=\"text\">").append(html(cell.apply(r))).append("</td>"));
        page.append("</tr>\n");
    }

    /** A share of the queue and where its recall is kept. */
    private record TopOfQueue(int percent, ToDoubleFunction<EvaluationMetrics> recall) {
    }
}
