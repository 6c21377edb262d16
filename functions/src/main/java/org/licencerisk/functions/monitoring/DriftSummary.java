package org.licencerisk.functions.monitoring;

import org.licencerisk.model.monitoring.BandAgreement;
import org.licencerisk.model.monitoring.DriftReport;
import org.licencerisk.model.monitoring.DriftReportWriter;
import org.licencerisk.model.monitoring.DriftStatus;
import org.licencerisk.model.monitoring.FeatureDrift;
import org.licencerisk.model.scoring.RiskBand;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * The short result of a drift report, for the command line: aggregates only.
 *
 * @param modelVersion     the model compared with
 * @param since            the window's start (inclusive)
 * @param until            the window's end (exclusive)
 * @param casesRead        case items read
 * @param decided          decided applications in the window
 * @param undecided        undecided applications in the window
 * @param withoutContent   applications in the window left out because their score has no stored content
 * @param baseline         applications in the baseline
 * @param scorePsi         the score's population stability index
 * @param scoreStatus      its reading
 * @param topFeatures      the three features with the largest index, largest first
 * @param high             the HIGH band's agreement with the window's decisions
 * @param json             the written {@code drift.json}
 * @param html             the written {@code drift.html}
 */
public record DriftSummary(String modelVersion, Instant since, Instant until, long casesRead, long decided,
                           long undecided, long withoutContent, int baseline, double scorePsi,
                           DriftStatus scoreStatus, List<TopFeature> topFeatures, BandAgreement high, String json,
                           String html) {

    /** How many features the summary names. */
    public static final int TOP = 3;

    public DriftSummary {
        topFeatures = List.copyOf(topFeatures);
    }

    /**
     * One of the most drifting features.
     *
     * @param name   the feature
     * @param psi    its population stability index
     * @param status its reading
     */
    public record TopFeature(String name, double psi, DriftStatus status) {
    }

    /** Summarises a report written to {@code out}. */
    public static DriftSummary of(DriftReport report, RecentPeriod recent, Path out) {
        List<TopFeature> top = report.features().stream()
                .sorted(Comparator.comparingDouble(FeatureDrift::psi).reversed().thenComparing(FeatureDrift::name))
                .limit(TOP).map(f -> new TopFeature(f.name(), f.psi(), f.status())).toList();
        RecentCounts c = recent.counts();
        return new DriftSummary(report.modelVersion(), recent.since(), recent.until(), c.casesRead(), c.decided(),
                c.undecided(), c.withoutContent(), report.baseline().applications(), report.scorePsi(),
                report.scoreStatus(), top, report.band(RiskBand.HIGH),
                out.resolve(DriftReportWriter.JSON_FILE).toString(),
                out.resolve(DriftReportWriter.HTML_FILE).toString());
    }
}
