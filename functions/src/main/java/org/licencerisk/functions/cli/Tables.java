package org.licencerisk.functions.cli;

import org.licencerisk.functions.models.ModelSummary;
import org.licencerisk.functions.models.PromotionRecord;
import org.licencerisk.model.evaluation.EvaluationMetrics;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line's results for people: aligned columns, one line per model or audit record. */
final class Tables {

    private static final int MAX_REASON = 48;

    private Tables() {
    }

    /** The registry, the champion first (marked {@code *}), with each model's test-period metrics. */
    static String models(List<ModelSummary> models) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "MODEL VERSION", "STATUS", "TRAINER", "REGISTERED", "TEST DECISIONS", "AVG PRECISION",
                "ROC-AUC"});
        for (ModelSummary m : models) {
            EvaluationMetrics metrics = m.metrics();
            rows.add(new String[] {m.current() ? "*" : "", m.modelVersion(), String.valueOf(m.status()),
                    m.trainer(), time(m.registeredAt()), metrics == null ? "-" : Integer.toString(metrics.count()),
                    metrics == null ? "-" : number(metrics.averagePrecision()),
                    metrics == null ? "-" : number(metrics.rocAuc())});
        }
        return render(rows) + (models.isEmpty() ? "No model is registered yet.\n" : "* the champion\n");
    }

    /** The audit trail of promotions and rollbacks, newest first. */
    static String promotions(List<PromotionRecord> records) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"REVISION", "KIND", "FROM", "TO", "BY", "AT", "FORCED", "REASON"});
        for (PromotionRecord r : records) {
            String reason = r.reason() == null ? "" : r.reason().replaceAll("\\s+", " ");
            rows.add(new String[] {Long.toString(r.revision()), String.valueOf(r.kind()),
                    r.fromVersion() == null ? "-" : r.fromVersion(), r.toVersion(), r.actor(), time(r.at()),
                    r.forced() ? "yes" : "no",
                    reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason});
        }
        return render(rows) + (records.isEmpty() ? "No promotion has been recorded yet.\n" : "");
    }

    private static String time(Instant at) {
        return at == null ? "-" : at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String number(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "n/a";
    }

    private static String render(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i] == null ? 1 : row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = row[i] == null ? "-" : row[i];
                line.append(cell).append(" ".repeat(widths[i] - cell.length() + 2));
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
