package org.licencerisk.model.cli;

import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.artifact.ModelSelection;
import org.licencerisk.model.artifact.SelectionCandidate;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.evaluation.EvaluationContext;
import org.licencerisk.model.evaluation.EvaluationMetrics;
import org.licencerisk.model.evaluation.EvaluationReport;
import org.licencerisk.model.evaluation.RiskEvaluator;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** Builds evaluation reports and one-line summaries for the commands. */
final class Reports {

    private Reports() {
    }

    static EvaluationReport report(ModelManifest manifest, DecisionDataset period, double[] scores, boolean[] refused) {
        List<DecisionRecord> records = period.records();
        String description = records.isEmpty() ? "no decisions" : day(records.get(0)) + " to " + day(records.get(records.size() - 1));
        return new RiskEvaluator().report(new EvaluationContext(manifest.modelVersion(), manifest.trainer(), description,
                period.outcomeCounts()), scores, refused, manifest.bandThresholds());
    }

    static String summary(EvaluationMetrics m) {
        return String.format(Locale.ROOT, "ROC-AUC %.3f · average precision %.3f · refusals in top 5%%/10%%/20%%: "
                        + "%.1f%%/%.1f%%/%.1f%% · Brier %.4f · ECE %s · base rate %.2f%% (%,d refusals of %,d)",
                m.rocAuc(), m.averagePrecision(), 100 * m.recallAtTop5(), 100 * m.recallAtTop10(),
                100 * m.recallAtTop20(), m.brier(), ece(m), 100 * m.baseRate(), m.refusals(), m.count());
    }

    /** Returns the expected calibration error as text, or "n/a" for metrics written before it was measured. */
    static String ece(EvaluationMetrics m) {
        return m.expectedCalibrationError() == null ? "n/a" : String.format(Locale.ROOT, "%.4f", m.expectedCalibrationError());
    }

    /** Describes how the settings were chosen, in one line per candidate and one for the choice. */
    static String selection(ModelSelection s) {
        if (s == null) {
            return "Settings: given (no record of a choice).";
        }
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Settings chosen on the validation period %s to %s (%,d decisions; fitted on "
                        + "the %,d older ones), by %s:%n", LocalDate.ofInstant(s.validationFrom(), ZoneOffset.UTC),
                LocalDate.ofInstant(s.validationTo(), ZoneOffset.UTC), s.validationRows(), s.fitRows(), s.criterion()));
        for (int i = 0; i < s.candidates().size(); i++) {
            SelectionCandidate c = s.candidates().get(i);
            b.append(String.format(Locale.ROOT, "  %s AP %.3f · ROC-AUC %.3f · top 10%% %.1f%% · log loss %.4f · %s%n",
                    i == s.chosen() ? "*" : " ", c.averagePrecision(), c.rocAuc(), 100 * c.recallAtTop10(), c.logLoss(),
                    c.settings()));
        }
        b.append(String.format(Locale.ROOT, "Refitted with the chosen settings on all %,d decisions of the training period.",
                s.refitRows()));
        return b.toString();
    }

    private static LocalDate day(DecisionRecord r) {
        return LocalDate.ofInstant(r.decidedAt(), ZoneOffset.UTC);
    }
}
