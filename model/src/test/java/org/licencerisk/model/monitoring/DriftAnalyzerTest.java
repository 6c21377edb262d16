package org.licencerisk.model.monitoring;

import org.junit.jupiter.api.Test;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.features.FeatureKind;
import org.licencerisk.model.features.FeatureSpec;
import org.licencerisk.model.features.Transform;
import org.licencerisk.model.scoring.BandThresholds;
import org.licencerisk.model.scoring.RiskBand;
import org.licencerisk.model.testing.SyntheticData;
import org.licencerisk.model.training.ProgressListener;
import org.licencerisk.model.training.RiskModelTrainer;
import org.licencerisk.model.training.TrainerKind;
import org.licencerisk.model.training.TrainingOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DriftAnalyzerTest {

    static final DecisionDataset DATA = SyntheticData.dataset(3000);
    static final ModelArtifact MODEL = new RiskModelTrainer(TrainingOptions.defaults(TrainerKind.LOGISTIC).withTune(false).withSeed(1),
            ProgressListener.NONE).train(DATA, null, "synthetic-3000").artifact();
    static final DriftAnalyzer ANALYZER = new DriftAnalyzer(DriftAnalyzer.DEFAULT_TOP_LEVELS,
            Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));

    static DecisionDataset subset(List<DecisionRecord> records) {
        return new DecisionDataset(DATA.definition(), records, DATA.sourceSha256());
    }

    @Test
    void identicalDataHasNoDrift() {
        DriftReport report = ANALYZER.analyze(MODEL, DATA, DATA);
        assertEquals(0.0, report.scorePsi(), 1e-12);
        assertEquals(DriftStatus.STABLE, report.scoreStatus());
        assertEquals(MODEL.definition().specs().size(), report.features().size());
        for (FeatureDrift f : report.features()) {
            assertEquals(0.0, f.psi(), 1e-12, f.name());
            assertEquals(1.0, f.bins().stream().mapToDouble(DriftBin::baselineShare).sum(), 1e-9, f.name());
        }
        assertTrue(report.scoreBins().size() >= 5 && report.scoreBins().size() <= DriftAnalyzer.QUANTILE_BINS,
                "score bins: " + report.scoreBins().size());
        assertEquals(MODEL.manifest().modelVersion(), report.modelVersion());
        assertEquals(DATA.records().size(), report.recent().applications());
    }

    @Test
    void onlyHighRiskDestinationsShowSignificantDriftOnThatFeature() {
        Set<String> poor = Set.of("HIGH", "VERY_HIGH");
        List<DecisionRecord> shifted = DATA.records().stream()
                .filter(r -> poor.contains((String) r.raw().get("destinationHumanRightsRisk"))).toList();
        assertTrue(shifted.size() > 50, "enough high-risk applications: " + shifted.size());
        DriftReport report = ANALYZER.analyze(MODEL, DATA, subset(shifted));
        FeatureDrift risk = feature(report, "destinationHumanRightsRisk");
        assertEquals(DriftStatus.SIGNIFICANT, risk.status(), "PSI " + risk.psi());
        assertEquals(DriftStatus.SIGNIFICANT, report.scoreStatus(), "score PSI " + report.scorePsi());
        FeatureDrift licenceType = feature(report, "licenceType");
        assertTrue(licenceType.psi() < risk.psi(), "an unrelated feature shifts less");
        assertTrue(report.significantFeatures().stream().anyMatch(f -> f.name().equals("destinationHumanRightsRisk")));
        assertEquals(report.significantFeatures().stream().sorted(Comparator.comparingDouble(FeatureDrift::psi).reversed())
                .toList(), report.significantFeatures());
    }

    @Test
    void categoricalLevelsBeyondTheTopGoToOther() {
        DriftAnalyzer three = new DriftAnalyzer(3, Clock.systemUTC());
        FeatureDrift country = feature(three.analyze(MODEL, DATA, DATA), "destinationCountry");
        assertEquals(4, country.bins().size(), "three levels and (other): " + country.bins());
        assertEquals(DriftAnalyzer.OTHER, country.bins().get(3).label());
        assertTrue(country.bins().get(0).baselineCount() >= country.bins().get(1).baselineCount());
        FeatureDrift value = feature(three.analyze(MODEL, DATA, DATA), "totalValueEur");
        assertEquals(FeatureKind.NUMERIC, value.kind());
        assertTrue(value.bins().size() >= 5, value.bins().toString());
    }

    @Test
    void bandAgreementCountsAHandMadeExample() {
        BandThresholds thresholds = MODEL.manifest().bandThresholds();
        double[] scores = RiskModelTrainer.scores(MODEL, DATA.records());
        Map<RiskBand, List<DecisionRecord>> byBand = Map.of(RiskBand.HIGH, new ArrayList<>(), RiskBand.MEDIUM,
                new ArrayList<>(), RiskBand.LOW, new ArrayList<>());
        for (int i = 0; i < scores.length; i++) {
            byBand.get(thresholds.band(scores[i])).add(DATA.records().get(i));
        }
        // HIGH: refused, refused, approved, withdrawn · MEDIUM: refused · LOW: approved, approved, refused.
        List<DecisionRecord> recent = new ArrayList<>();
        recent.add(decided(byBand.get(RiskBand.HIGH).get(0), Boolean.TRUE));
        recent.add(decided(byBand.get(RiskBand.HIGH).get(1), Boolean.TRUE));
        recent.add(decided(byBand.get(RiskBand.HIGH).get(2), Boolean.FALSE));
        recent.add(decided(byBand.get(RiskBand.HIGH).get(3), null));
        recent.add(decided(byBand.get(RiskBand.MEDIUM).get(0), Boolean.TRUE));
        recent.add(decided(byBand.get(RiskBand.LOW).get(0), Boolean.FALSE));
        recent.add(decided(byBand.get(RiskBand.LOW).get(1), Boolean.FALSE));
        recent.add(decided(byBand.get(RiskBand.LOW).get(2), Boolean.TRUE));
        DriftReport report = ANALYZER.analyze(MODEL, DATA, subset(recent));

        assertEquals(List.of(RiskBand.HIGH, RiskBand.MEDIUM, RiskBand.LOW),
                report.bandAgreement().stream().map(BandAgreement::band).toList());
        // 4 refusals in all: HIGH holds 2 of 3 decided (2/3) and 2 of the 4 refusals.
        assertEquals(new BandAgreement(RiskBand.HIGH, 4, 4 / 8.0, thresholds.highShare(), 3, 2, 2 / 3.0, 2 / 4.0),
                report.band(RiskBand.HIGH));
        assertEquals(new BandAgreement(RiskBand.MEDIUM, 1, 1 / 8.0, thresholds.mediumShare() - thresholds.highShare(),
                1, 1, 1.0, 1 / 4.0), report.band(RiskBand.MEDIUM));
        assertEquals(new BandAgreement(RiskBand.LOW, 3, 3 / 8.0, 1 - thresholds.mediumShare(), 3, 1, 1 / 3.0, 1 / 4.0),
                report.band(RiskBand.LOW));
        assertEquals(7, report.recent().labelled());
        assertEquals(4, report.recent().refusals());
    }

    @Test
    void unlabelledRecentApplicationsHaveUndefinedAgreement() {
        List<DecisionRecord> undecided = DATA.records().subList(0, 100).stream().map(r -> decided(r, null)).toList();
        DriftReport report = ANALYZER.analyze(MODEL, DATA, subset(undecided));
        assertEquals(100, report.bandAgreement().stream().mapToInt(BandAgreement::applications).sum());
        assertTrue(Double.isNaN(report.band(RiskBand.HIGH).shareOfRefusals()));
    }

    @Test
    void undecidedApplicationsCountInTheBandSharesOnlyAndDateNoDecision() throws IOException {
        List<DecisionRecord> some = DATA.records().subList(0, 200);
        Instant lastDecision = some.get(99).decidedAt();
        List<DecisionRecord> recent = new ArrayList<>(some.subList(0, 100));
        Instant scored = lastDecision.plusSeconds(86_400);
        for (DecisionRecord r : some.subList(100, 200)) {
            recent.add(DecisionRecord.undecided(r.id(), scored, r.raw()));
        }
        DriftReport report = ANALYZER.analyze(MODEL, DATA, subset(recent));
        DriftReport decidedOnly = ANALYZER.analyze(MODEL, DATA, subset(some.subList(0, 100)));

        assertEquals(200, report.recent().applications());
        assertEquals(100, report.recent().outcomeCounts().get(DecisionRecord.UNDECIDED));
        assertEquals(decidedOnly.recent().labelled(), report.recent().labelled());
        assertEquals(decidedOnly.recent().refusals(), report.recent().refusals());
        assertEquals(lastDecision, report.recent().lastDecision(), "a scoring time is not a decision time");
        assertEquals(200, report.bandAgreement().stream().mapToInt(BandAgreement::applications).sum());
        for (RiskBand band : List.of(RiskBand.HIGH, RiskBand.MEDIUM, RiskBand.LOW)) {
            assertEquals(decidedOnly.band(band).decisions(), report.band(band).decisions(), band.name());
            assertEquals(decidedOnly.band(band).refusalRate(), report.band(band).refusalRate(), 1e-12, band.name());
        }
        assertTrue(DriftReportWriter.html(report).contains("Not decided yet"));

        DriftReport noneDecided = ANALYZER.analyze(MODEL, DATA, subset(recent.subList(100, 200)));
        assertNull(noneDecided.recent().firstDecision());
        assertNull(noneDecided.recent().lastDecision());
        Path file = Files.createTempFile("drift-undecided-", ".json");
        try {
            DriftReportWriter.writeJson(noneDecided, file);
            assertEquals(noneDecided.recent(), DriftReportWriter.readJson(file).recent());
        } finally {
            Files.deleteIfExists(file);
        }
        assertTrue(DriftReportWriter.html(noneDecided).contains("Not decided yet"));
        assertTrue(!DriftReportWriter.html(decidedOnly).contains("Not decided yet"), "no row without undecided ones");
    }

    @Test
    void emptyOrDifferentlyReadDataIsRefused() {
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> ANALYZER.analyze(MODEL, DATA, subset(List.of())));
        assertTrue(empty.getMessage().contains("recent"), empty.getMessage());
        FeatureDefinition other = new FeatureDefinition(List.of(new FeatureSpec("destinationCountry",
                FeatureKind.CATEGORICAL, Transform.NONE, null)), DATA.definition().referenceDataVersion());
        DecisionDataset otherData = new DecisionDataset(other, DATA.records(), DATA.sourceSha256());
        IllegalArgumentException mismatch = assertThrows(IllegalArgumentException.class,
                () -> ANALYZER.analyze(MODEL, otherData, DATA));
        assertTrue(mismatch.getMessage().contains("baseline"), mismatch.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new DriftAnalyzer(0, Clock.systemUTC()));
    }

    static FeatureDrift feature(DriftReport report, String name) {
        return report.features().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static DecisionRecord decided(DecisionRecord r, Boolean refused) {
        String outcome = refused == null ? "WITHDRAWN" : refused ? "REFUSED" : "APPROVED";
        return new DecisionRecord(r.id(), r.decidedAt(), outcome, refused, r.raw(), r.application());
    }
}
