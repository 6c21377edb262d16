package org.licencerisk.model.synthetic;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.EndUser;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.data.JsonLinesDecisionLoader;
import org.licencerisk.model.data.Outcome;
import org.licencerisk.model.features.ApplicationField;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.reference.CountryProfile;
import org.licencerisk.model.reference.ReferenceData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The default synthetic log: valid, deterministic, and shaped as docs/synthetic-data.md says. */
class SyntheticDecisionLogTest {

    private static final ReferenceData REFERENCE = ReferenceData.shipped();
    private static final FeatureDefinition STANDARD = FeatureDefinition.standard();

    @TempDir
    static Path shared;
    private static DecisionDataset data;

    @TempDir
    Path dir;

    @BeforeAll
    static void generateDefaultLog() throws IOException {
        Path file = shared.resolve("synthetic.jsonl");
        new SyntheticDecisionLog().writeJsonLines(file);
        // The loader validates every line with ApplicationParser, as the API validates a request.
        data = new JsonLinesDecisionLoader().load(file, STANDARD, REFERENCE);
    }

    @Test
    void everyGeneratedApplicationPassesValidation() {
        assertEquals(SyntheticDecisionLog.DEFAULT_APPLICATIONS, data.records().size());
        assertEquals(SyntheticDecisionLog.DEFAULT_APPLICATIONS,
                data.records().stream().map(DecisionRecord::id).distinct().count());
    }

    @Test
    void refusalsAreAboutFivePercentOfApprovedOrRefused() {
        double share = refusalShare(data.records(), r -> true);
        assertTrue(share >= 0.04 && share <= 0.06, "refusal share " + share);
    }

    @Test
    void surveillanceToSecurityEndUsersInPoorRecordCountriesIsMostlyRefused() {
        Predicate<DecisionRecord> subgroup = r -> Boolean.TRUE.equals(
                r.raw().get(ApplicationField.SURVEILLANCE_TO_SECURITY_END_USER_IN_POOR_RECORD_COUNTRY.id()));
        assertTrue(data.labelled().stream().filter(subgroup).count() >= 50, "the subgroup must not be tiny");
        double share = refusalShare(data.records(), subgroup);
        assertTrue(share >= 0.4 && share <= 0.8, "subgroup refusal share " + share);
    }

    @Test
    void everyOutcomeOccursAndOnlyApprovedAndRefusedAreLabels() {
        Set<String> seen = data.outcomeCounts().keySet();
        assertEquals(Arrays.stream(Outcome.values()).map(Outcome::name).collect(Collectors.toSet()), seen);
        long labels = data.outcomeCounts().get("APPROVED") + data.outcomeCounts().get("REFUSED");
        assertEquals(labels, data.labelled().size());
        assertTrue(data.outcomeCounts().get("WITHDRAWN") > 100 && data.outcomeCounts().get("NO_LICENCE_REQUIRED") > 100);
    }

    @Test
    void surveillanceRefusalsRiseAfterThePolicyTightening() {
        Instant from = LatentPolicy.SURVEILLANCE_TIGHTENING_FROM;
        Predicate<DecisionRecord> surveillance = r -> Boolean.TRUE.equals(r.raw().get(ApplicationField.CYBER_SURVEILLANCE_ITEM.id()));
        double before = refusalShare(data.records(), surveillance.and(r -> r.decidedAt().isBefore(from)));
        double after = refusalShare(data.records(), surveillance.and(r -> !r.decidedAt().isBefore(from)));
        assertTrue(after > before + 0.05, "surveillance refusals before " + before + ", after " + after);
    }

    @Test
    void theDiversionConcernDestinationIsRefusedMoreFrom2024() {
        Instant from = LatentPolicy.DIVERSION_CONCERN_FROM;
        Predicate<DecisionRecord> destination = r -> LatentPolicy.DIVERSION_CONCERN_DESTINATION.equals(
                r.raw().get(ApplicationField.DESTINATION_COUNTRY.id()));
        double before = refusalShare(data.records(), destination.and(r -> r.decidedAt().isBefore(from)));
        double after = refusalShare(data.records(), destination.and(r -> !r.decidedAt().isBefore(from)));
        assertTrue(after > 2 * before, "refusals before " + before + ", after " + after);
    }

    @Test
    void applicationsCarryTheRedFlagsAndTheOrdinaryCases() {
        List<LicenceApplication> apps = data.records().stream().map(DecisionRecord::application).toList();
        double n = apps.size();
        double surveillance = apps.stream().filter(a -> ApplicationField.hasSurveillanceItem(a, REFERENCE)).count() / n;
        double crypto = apps.stream().filter(a -> a.items().stream().anyMatch(i -> "5A002".equals(i.controlListEntry())
                || "5D002".equals(i.controlListEntry()))).count() / n;
        double restricted = apps.stream().filter(a -> REFERENCE.country(a.destinationCountry()).restricted()).count() / n;
        double lowRisk = apps.stream().map(a -> REFERENCE.country(a.destinationCountry()))
                .filter(p -> !p.restricted() && !p.humanRightsRisk().isPoor()).count() / n;
        double vague = apps.stream().filter(a -> ApplicationField.isVagueEndUse(a.endUse())).count() / n;
        double thirdCountry = apps.stream().filter(a -> ApplicationField.thirdCountryIntermediary(a).isPresent()).count() / n;
        double noIntermediary = apps.stream().filter(a -> a.intermediaries().isEmpty()).count() / n;
        double statement = apps.stream().filter(LicenceApplication::endUserStatementProvided).count() / n;
        assertBetween("cyber-surveillance items", surveillance, 0.03, 0.10);
        assertBetween("cryptography items", crypto, 0.5, 0.8);
        assertBetween("embargoed or sanctioned destinations", restricted, 0.005, 0.08);
        assertBetween("low- and medium-risk destinations", lowRisk, 0.6, 0.9);
        assertBetween("vague end uses", vague, 0.05, 0.2);
        assertBetween("third-country intermediaries", thirdCountry, 0.02, 0.2);
        assertBetween("no intermediaries", noIntermediary, 0.7, 0.9);
        assertBetween("end-user statements", statement, 0.85, 0.98);
        assertTrue(apps.stream().anyMatch(LicenceApplication::catchAll), "catch-all applications occur");
        assertTrue(apps.stream().anyMatch(a -> a.consignee() != null), "consignees occur");
        assertTrue(apps.stream().anyMatch(a -> !a.exporter().hasComplianceProgramme()), "exporters without ICP occur");
        assertTrue(apps.stream().anyMatch(LatentPolicy::disproportionate), "disproportionate orders occur");
        assertFalse(apps.stream().anyMatch(a -> ApplicationSampler.EU.contains(a.destinationCountry())),
                "intra-EU transfers need no licence, so no EU destination appears");
    }

    @Test
    void decisionsSpanFiveYearsAndFollowTheirSubmission() {
        Instant first = SyntheticDecisionLog.FIRST_DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = SyntheticDecisionLog.LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        for (DecisionRecord r : data.records()) {
            assertFalse(r.decidedAt().isBefore(first) || !r.decidedAt().isBefore(end), r.id());
            assertTrue(r.application().submittedAt().isBefore(r.decidedAt()), r.id());
        }
        Set<Integer> years = data.records().stream().map(r -> r.decidedAt().atZone(ZoneOffset.UTC).getYear())
                .collect(Collectors.toSet());
        assertEquals(Set.of(2021, 2022, 2023, 2024, 2025), years);
        assertEquals(LocalDate.of(2025, 12, 31).getYear(), data.records().get(data.records().size() - 1)
                .decidedAt().atZone(ZoneOffset.UTC).getYear());
    }

    @Test
    void aJsonLinesRecordEncodesExactlyLikeTheSameApplicationSentToTheApi() throws IOException {
        ApplicationParser parser = new ApplicationParser();
        for (DecisionRecord r : data.records().subList(0, 500)) {
            String apiBody = Json.mapper().writeValueAsString(r.application());
            LicenceApplication served = parser.parse(apiBody);
            assertEquals(STANDARD.features(served, REFERENCE), STANDARD.encode(r.raw()), r.id());
        }
    }

    @Test
    void sameSeedGivesByteIdenticalFilesAndAnotherSeedDoesNot() throws IOException {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        Path c = dir.resolve("c.jsonl");
        new SyntheticDecisionLog(7L, 2_000).writeJsonLines(a);
        new SyntheticDecisionLog(7L, 2_000).writeJsonLines(b);
        new SyntheticDecisionLog(8L, 2_000).writeJsonLines(c);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
        assertFalse(Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(c)));
        Path csvA = dir.resolve("a.csv");
        Path csvB = dir.resolve("b.csv");
        new SyntheticDecisionLog(7L, 2_000).writeCsv(csvA);
        new SyntheticDecisionLog(7L, 2_000).writeCsv(csvB);
        assertArrayEquals(Files.readAllBytes(csvA), Files.readAllBytes(csvB));
    }

    @Test
    void progressIsReportedAndAFailureMidWayLeavesNoFile() throws IOException {
        List<Long> reported = new ArrayList<>();
        Path file = dir.resolve("progress.jsonl");
        new SyntheticDecisionLog(1L, 12_000).writeJsonLines(file, reported::add);
        assertEquals(List.of(10_000L, 12_000L), reported);

        Path cancelled = dir.resolve("cancelled.jsonl");
        Path cancelledCsv = dir.resolve("cancelled.csv");
        SyntheticDecisionLog log = new SyntheticDecisionLog(1L, 12_000);
        assertThrows(IllegalStateException.class, () -> log.writeJsonLines(cancelled, count -> {
            throw new IllegalStateException("The user cancelled the export.");
        }));
        assertThrows(IllegalStateException.class, () -> log.writeCsv(cancelledCsv, count -> {
            throw new IllegalStateException("The user cancelled the export.");
        }));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(file), left.toList(), "nothing half-written may remain");
        }
    }

    @Test
    void sizeOutsideTheSupportedRangeIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SyntheticDecisionLog(1L, 0));
        assertThrows(IllegalArgumentException.class, () -> new SyntheticDecisionLog(1L, SyntheticDecisionLog.MAX_APPLICATIONS + 1));
    }

    @Test
    void policyEffectsPushTheRefusalProbabilityTheDocumentedWay() {
        LatentPolicy policy = new LatentPolicy(REFERENCE);
        LicenceApplication any = data.records().get(0).application();
        Instant at = Instant.parse("2022-06-01T10:00:00Z");
        LicenceApplication benign = copy(any, "US", true, "Encryption of VPN links between the 12 branch offices of a retail bank");
        LicenceApplication sanctioned = copy(any, "IR", true, benign.endUse());
        LicenceApplication noStatement = copy(any, "US", false, benign.endUse());
        LicenceApplication vague = copy(any, "US", true, "General use");
        double base = policy.refusalLogOdds(benign, at);
        CountryProfile iran = REFERENCE.country("IR");
        assertTrue(iran.sanctions() && iran.armsEmbargo());
        assertTrue(policy.refusalLogOdds(sanctioned, at) - base >= LatentPolicy.SANCTIONS + LatentPolicy.ARMS_EMBARGO);
        assertEquals(LatentPolicy.STATEMENT_MISSING, policy.refusalLogOdds(noStatement, at) - base, 1e-9);
        assertEquals(LatentPolicy.VAGUE_END_USE, policy.refusalLogOdds(vague, at) - base, 1e-9);
    }

    private static LicenceApplication copy(LicenceApplication a, String destination, boolean statement, String endUse) {
        return new LicenceApplication(a.applicationId(), a.submittedAt(), a.licenceType(), a.exporter(), a.items(),
                destination, new EndUser(a.endUser().name(), a.endUser().type(), destination),
                null, List.of(), endUse, statement, a.catchAll());
    }

    private static double refusalShare(List<DecisionRecord> records, Predicate<DecisionRecord> filter) {
        long refused = records.stream().filter(DecisionRecord::labelled).filter(filter).filter(DecisionRecord::refused).count();
        long labelled = records.stream().filter(DecisionRecord::labelled).filter(filter).count();
        return labelled == 0 ? 0 : refused / (double) labelled;
    }

    private static void assertBetween(String what, double value, double low, double high) {
        assertTrue(value >= low && value <= high, "share of " + what + " is " + value + ", expected " + low + " to " + high);
    }
}
