package org.licencerisk.functions.cli;

import org.licencerisk.functions.shadow.BandChange;
import org.licencerisk.functions.shadow.ComparisonReport;
import org.licencerisk.model.scoring.RiskBand;

import java.util.Locale;

/** The comparison as a person reads it on a terminal: counts, agreement, correlation, the matrix, the band changes. */
final class ComparisonSummary {

    private ComparisonSummary() {
    }

    static String of(ComparisonReport r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Model %s against %s%s: %d paired application contents%n",
                r.modelVersion(), r.baselineVersion(), r.baselineIsChampion() ? " (the champion)" : "", r.pairs()));
        if (r.pairs() == 0) {
            b.append("No pairs yet: the two models have not scored the same applications.").append(System.lineSeparator());
            return b.toString();
        }
        b.append(String.format(Locale.ROOT, "Band agreement: %.1f%% (%d of %d)%n", 100 * r.bandAgreement(),
                r.pairs() - r.bandChangeCount(), r.pairs()));
        b.append(r.spearman() == null ? "Spearman rank correlation: undefined (too few pairs or a constant score)"
                + System.lineSeparator()
                : String.format(Locale.ROOT, "Spearman rank correlation: %.4f%n", r.spearman()));
        b.append("Bands (rows: baseline, columns: model):").append(System.lineSeparator());
        b.append(String.format(Locale.ROOT, "  %-8s", ""));
        for (RiskBand m : RiskBand.values()) {
            b.append(String.format(Locale.ROOT, "%8s", m));
        }
        b.append(System.lineSeparator());
        for (RiskBand base : RiskBand.values()) {
            b.append(String.format(Locale.ROOT, "  %-8s", base));
            for (RiskBand m : RiskBand.values()) {
                b.append(String.format(Locale.ROOT, "%8d", r.bandMatrix().get(base).get(m)));
            }
            b.append(System.lineSeparator());
        }
        b.append(String.format(Locale.ROOT, "Band changes: %d (%d listed)%n", r.bandChangeCount(),
                r.bandChanges().size()));
        for (BandChange c : r.bandChanges()) {
            b.append(String.format(Locale.ROOT, "  %-24s %-6s -> %-6s  %.4f -> %.4f%n", c.applicationId(),
                    c.baselineBand(), c.modelBand(), c.baselineScore(), c.modelScore()));
        }
        return b.toString();
    }
}
