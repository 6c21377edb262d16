package org.licencerisk.model.evaluation;

import org.licencerisk.model.io.AtomicFiles;
import java.nio.charset.StandardCharsets;

import org.licencerisk.model.scoring.RiskBand;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.licencerisk.model.evaluation.Formats.count;
import static org.licencerisk.model.evaluation.Formats.decimal;
import static org.licencerisk.model.evaluation.Formats.signed;

/**
 * Compares a challenger model with the champion evaluated on the same labelled applications: a text table for the
 * command line, and an HTML page with both models in every table and on every plot.
 */
public final class ReportComparison {

    private static final String CHAMPION = "Champion";
    private static final String CHALLENGER = "Challenger";

    private ReportComparison() {
    }

    /**
     * Returns a plain-text table of both models' metrics, the difference (challenger minus champion) and which is
     * better.
     *
     * @throws IllegalArgumentException if either report is missing or they were not evaluated on the same number
     *                                  of applications and refusals
     */
    public static String text(EvaluationReport champion, EvaluationReport challenger) {
        requireComparable(champion, challenger);
        EvaluationMetrics a = champion.metrics();
        EvaluationMetrics b = challenger.metrics();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"", CHAMPION, CHALLENGER, "Difference", "Better"});
        rows.add(new String[]{"Model version", champion.context().modelVersion(), challenger.context().modelVersion(),
                "", ""});
        rows.add(new String[]{"Trainer", champion.context().trainer(), challenger.context().trainer(), "", ""});
        rows.add(new String[]{"Test period", champion.context().period(), challenger.context().period(), "", ""});
        for (HeadlineMetric metric : HeadlineMetric.ALL) {
            double x = metric.of(a);
            double y = metric.of(b);
            String better = x == y ? "equal" : (y > x) == metric.higherIsBetter() ? CHALLENGER : CHAMPION;
            rows.add(new String[]{metric.name(), decimal(x, 4), decimal(y, 4), signed(y - x, 4), better});
        }
        for (RiskBand risk : List.of(RiskBand.HIGH, RiskBand.MEDIUM)) {
            String band = risk.name();
            ConfusionMatrix p = a.confusion().get(band);
            ConfusionMatrix q = b.confusion().get(band);
            if (p == null || q == null) {
                continue;
            }
            rows.add(new String[]{band + " threshold", decimal(p.threshold(), 4), decimal(q.threshold(), 4), "", ""});
            rows.add(new String[]{"Flagged " + band + " or above", count(p.truePositives() + p.falsePositives()),
                    count(q.truePositives() + q.falsePositives()), "", ""});
            rows.add(new String[]{"Refusals flagged " + band + " or above", count(p.truePositives()),
                    count(q.truePositives()), "", ""});
        }
        StringBuilder out = new StringBuilder();
        out.append("Compared on ").append(count(a.count())).append(" labelled applications with ")
                .append(count(a.refusals())).append(" refusals (base rate ").append(Formats.percent(a.baseRate(), 2))
                .append(").\n");
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                String cell = row[c];
                String padding = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? cell + padding : padding + cell).append(c < row.length - 1 ? "  " : "");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    /**
     * Returns a self-contained HTML page with both models side by side in every table and both curves on the same
     * plots.
     *
     * @throws IllegalArgumentException as {@link #text}
     */
    public static String html(EvaluationReport champion, EvaluationReport challenger) {
        requireComparable(champion, challenger);
        return HtmlReport.render("Champion " + champion.context().modelVersion() + " and challenger "
                        + challenger.context().modelVersion(),
                List.of(CHAMPION + " " + champion.context().modelVersion(),
                        CHALLENGER + " " + challenger.context().modelVersion()),
                List.of(champion, challenger));
    }

    /** Writes {@link #html} to {@code file}, whole or not at all. */
    public static void writeHtml(EvaluationReport champion, EvaluationReport challenger, Path file)
            throws IOException {
        AtomicFiles.write(file, html(champion, challenger).getBytes(StandardCharsets.UTF_8));
    }

    private static void requireComparable(EvaluationReport champion, EvaluationReport challenger) {
        if (champion == null || challenger == null) {
            throw new IllegalArgumentException("A comparison needs both the champion's and the challenger's report, "
                    + "found " + (champion == null ? "no champion report." : "no challenger report."));
        }
        EvaluationMetrics a = champion.metrics();
        EvaluationMetrics b = challenger.metrics();
        if (a.count() != b.count() || a.refusals() != b.refusals()) {
            throw new IllegalArgumentException("A comparison needs both models evaluated on the same applications, "
                    + "found " + a.count() + " applications with " + a.refusals() + " refusals for the champion and "
                    + b.count() + " with " + b.refusals() + " for the challenger.");
        }
    }
}
