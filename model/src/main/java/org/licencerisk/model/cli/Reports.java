package org.licencerisk.model.cli;

import org.licencerisk.model.artifact.ModelManifest;
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
                        + "%.1f%%/%.1f%%/%.1f%% · Brier %.4f · base rate %.2f%% (%,d refusals of %,d)",
                m.rocAuc(), m.averagePrecision(), 100 * m.recallAtTop5(), 100 * m.recallAtTop10(),
                100 * m.recallAtTop20(), m.brier(), 100 * m.baseRate(), m.refusals(), m.count());
    }

    private static LocalDate day(DecisionRecord r) {
        return LocalDate.ofInstant(r.decidedAt(), ZoneOffset.UTC);
    }
}
