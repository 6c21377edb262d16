package org.licencerisk.model.features;

import org.junit.jupiter.api.Test;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.reference.ReferenceData;

import static org.licencerisk.model.testing.Fixtures.application;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureDefinitionTest {

    @Test
    void encodesTheFactsOfAnApplication() {
        EncodedFeatures f = FeatureDefinition.standard().features(application("surveillance-high-risk.json"),
                ReferenceData.shipped());
        List<String> names = List.of(f.names());
        assertTrue(names.containsAll(List.of("destinationCountry=EG", "destinationHumanRightsRisk=HIGH",
                "endUserType=POLICE_OR_SECURITY", "controlListEntries=5A001.j", "controlListEntries=5D002",
                "controlListHeadings=5A", "controlListHeadings=5D", "cyberSurveillanceItem",
                "surveillanceToSecurityEndUserInPoorRecordCountry", "endUserStatementMissing",
                "exporterWithoutComplianceProgramme", "intermediaryInThirdCountry", "vagueEndUse")), names.toString());
        assertFalse(names.contains("destinationArmsEmbargo"));
        int value = names.indexOf("totalValueEur");
        assertEquals(Math.log1p(1_970_000), f.values()[value], 1e-9);
    }

    @Test
    void theStandardDefinitionTiesEveryFeatureAndHasAStableFingerprint() {
        FeatureDefinition a = FeatureDefinition.standard();
        FeatureDefinition b = new FeatureDefinition(a.specs(), a.crosses(), a.referenceDataVersion());
        assertTrue(a.canScoreApplications());
        assertEquals(a.fingerprint(), b.fingerprint());
        assertNotEquals(a.fingerprint(), new FeatureDefinition(a.specs().subList(1, a.specs().size()),
                a.referenceDataVersion()).fingerprint());
        assertNotEquals(a.fingerprint(), a.withCrosses(a.crosses().subList(1, a.crosses().size())).fingerprint());
        assertNotEquals(a.fingerprint(), new FeatureDefinition(a.specs(), "other-reference-data").fingerprint());
    }

    @Test
    void anUntiedFeatureIsReportedAndCannotBeExtractedFromAnApplication() {
        FeatureDefinition d = new FeatureDefinition(List.of(FeatureSpec.of(ApplicationField.DESTINATION_COUNTRY),
                new FeatureSpec("officerTeam", FeatureKind.CATEGORICAL, Transform.NONE, null)),
                ReferenceData.shipped().version());
        assertEquals(List.of("officerTeam"), d.untiedFeatures());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> d.extract(application("crypto-low-risk.json"), ReferenceData.shipped()));
        assertTrue(e.getMessage().contains("officerTeam"));
    }

    @Test
    void rejectsAFeatureTiedToAFieldOfAnotherKind() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new FeatureDefinition(
                List.of(new FeatureSpec("destinationCountry", FeatureKind.NUMERIC, Transform.NONE, "destinationCountry")),
                ReferenceData.shipped().version()));
        assertTrue(e.getMessage().contains("CATEGORICAL"), e.getMessage());
    }

    @Test
    void rejectsDuplicateNamesAndUnknownFields() {
        FeatureSpec spec = FeatureSpec.of(ApplicationField.CATCH_ALL);
        assertThrows(IllegalArgumentException.class,
                () -> new FeatureDefinition(List.of(spec, spec), ReferenceData.shipped().version()));
        assertThrows(IllegalArgumentException.class, () -> new FeatureDefinition(List.of(
                new FeatureSpec("x", FeatureKind.BOOLEAN, Transform.NONE, "noSuchField")), ReferenceData.shipped().version()));
    }

    @Test
    void encodesRawValuesOfEveryKind() {
        FeatureDefinition d = new FeatureDefinition(List.of(
                new FeatureSpec("team", FeatureKind.CATEGORICAL, Transform.NONE, null),
                new FeatureSpec("ratings", FeatureKind.MULTI_CATEGORICAL, Transform.NONE, null),
                new FeatureSpec("value", FeatureKind.NUMERIC, Transform.LOG1P, null),
                new FeatureSpec("urgent", FeatureKind.BOOLEAN, Transform.NONE, null),
                new FeatureSpec("late", FeatureKind.BOOLEAN, Transform.NONE, null)), "v1");
        EncodedFeatures f = d.encode(new RawRecord(java.util.Map.of("team", "B", "ratings", new java.util.TreeSet<>(Set.of("ML10", "5A002")),
                "value", 99.0, "urgent", true, "late", false)));
        assertEquals(List.of("team=B", "ratings=5A002", "ratings=ML10", "value", "urgent"), List.of(f.names()));
        assertEquals(Math.log1p(99), f.values()[3], 1e-12);
    }
}
