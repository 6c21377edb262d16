package org.licencerisk.functions.shadow;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.errors.InvalidRequestException;
import org.licencerisk.functions.http.RoleRequirement;
import org.licencerisk.functions.models.ModelRegistry;
import org.licencerisk.functions.models.ModelStateConflictException;
import org.licencerisk.functions.models.PromotionRecord;
import org.licencerisk.functions.models.PromotionKind;
import org.licencerisk.functions.models.StoredArtifact;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.scoring.RiskBand;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.licencerisk.model.scoring.RiskBand.HIGH;
import static org.licencerisk.model.scoring.RiskBand.LOW;
import static org.licencerisk.model.scoring.RiskBand.MEDIUM;

/**
 * The comparison on a constructed set whose answer is known by hand, stored in dynalite and read back through the
 * handler: ten applications, two band changes, Spearman 1 - 6 * 4 / (10 * 99).
 */
class ShadowComparisonTest {

    private static final String CLAIM = "scope";
    private static final Map<String, String> DATA_SCIENTIST = Map.of("sub", "ds-ada", CLAIM, "licence-risk/data-scientist");
    private static final Map<String, String> OFFICER = Map.of("sub", "officer-1", CLAIM, "licence-risk/officer");
    private static final String CHAMPION = "champion-v1";
    private static final String SHADOW_1 = "shadow-v2";
    private static final String SHADOW_2 = "shadow-v3";
    private static final double[] PRIMARY = {0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50};
    private static final RiskBand[] PRIMARY_BANDS = {LOW, LOW, LOW, LOW, MEDIUM, MEDIUM, MEDIUM, HIGH, HIGH, HIGH};
    /** Ranks 1, 2, 3, 5, 4, 6, 7, 8, 10, 9: two neighbouring swaps. */
    private static final double[] SHADOW = {0.08, 0.16, 0.24, 0.40, 0.32, 0.48, 0.56, 0.64, 0.80, 0.72};
    /** Application 4 moves LOW to MEDIUM, application 8 HIGH to MEDIUM. */
    private static final RiskBand[] SHADOW_BANDS = {LOW, LOW, LOW, MEDIUM, MEDIUM, MEDIUM, MEDIUM, MEDIUM, HIGH, HIGH};

    private TestStack stack;
    private ShadowScoreRepository scores;
    private ModelRegistry registry;
    private ShadowHandler handler;

    @BeforeEach
    void setUp() {
        stack = TestStack.create();
        scores = stack.components().shadowScores();
        registry = stack.components().registry();
        for (String version : List.of(CHAMPION, SHADOW_1, SHADOW_2, "unpaired-v4")) {
            registry.register(TestModel.manifestAs(version), null, "ds-grace", Instant.parse("2026-11-29T10:00:00Z"));
        }
        assertTrue(registry.moveChampion(new PromotionRecord(1, PromotionKind.INITIAL, null, CHAMPION, "test",
                Instant.parse("2026-11-29T10:00:00Z"), null, false, null)));
        handler = new ShadowHandler(stack.components().shadowService(), stack.components().shadowComparison(),
                RoleRequirement.of("licence-risk/data-scientist"), stack.components().logger());
        for (int i = 0; i < PRIMARY.length; i++) {
            store(SHADOW_1, i, SHADOW[i], SHADOW_BANDS[i], CHAMPION);
        }
        // Scored while another model was primary: not a pair with the champion.
        store(SHADOW_1, 10, 0.9, HIGH, "older-v0");
        store(SHADOW_1, 11, 0.1, LOW, "older-v0");
    }

    private static String app(int i) {
        return String.format("NL-2026-CMP%02d", i);
    }

    private void store(String model, int i, double score, RiskBand band, String primaryVersion) {
        double primary = i < PRIMARY.length ? PRIMARY[i] : 0.5;
        RiskBand primaryBand = i < PRIMARY_BANDS.length ? PRIMARY_BANDS[i] : MEDIUM;
        String hash = String.format("%064x", i + 1);
        assertTrue(scores.insertIfAbsent(new ShadowScore(model, ShadowScore.pairKey(app(i), hash), app(i), score, band,
                List.of("destinationCountry=JP"), List.of(), primaryVersion, primary, primaryBand, hash.substring(0, 32),
                Instant.parse("2026-11-29T11:00:00Z"))));
    }

    private TestResponse compare(String model, Map<String, String> query, Map<String, String> claims) {
        return TestStack.invoke(handler, Events.get(ShadowHandler.COMPARISON, Map.of("modelVersion", model))
                .query(query).claims(claims));
    }

    @Test
    void aShadowModelAgainstTheChampionItShadowed() {
        TestResponse r = compare(SHADOW_1, Map.of(), DATA_SCIENTIST);
        assertEquals(200, r.status(), r.body().toString());
        OpenApi.assertValid("ShadowComparison", r.body());
        JsonNode b = r.body();
        assertEquals(CHAMPION, b.get("baselineVersion").asText());
        assertTrue(b.get("baselineIsChampion").asBoolean());
        assertEquals(10, b.get("pairs").asInt(), "the two items scored under another primary are left out");
        assertEquals(0.8, b.get("bandAgreement").asDouble(), 1e-12);
        assertEquals(1 - 6.0 * 4 / (10 * 99), b.get("spearman").asDouble(), 1e-12);
        assertEquals("{\"LOW\":{\"LOW\":3,\"MEDIUM\":1,\"HIGH\":0},\"MEDIUM\":{\"LOW\":0,\"MEDIUM\":3,\"HIGH\":0},"
                + "\"HIGH\":{\"LOW\":0,\"MEDIUM\":1,\"HIGH\":2}}", b.get("bandMatrix").toString());
        assertEquals(2, b.get("bandChangeCount").asInt());
        assertEquals(2, b.get("bandChanges").size());
        JsonNode first = b.get("bandChanges").get(0);
        assertEquals(app(3), first.get("applicationId").asText());
        assertEquals("LOW", first.get("baselineBand").asText());
        assertEquals("MEDIUM", first.get("modelBand").asText());
        assertEquals(0.20, first.get("baselineScore").asDouble(), 1e-12);
        assertEquals(0.40, first.get("modelScore").asDouble(), 1e-12);
        assertEquals(app(7), b.get("bandChanges").get(1).get("applicationId").asText());
    }

    @Test
    void theListOfBandChangesIsLimitedButTheTotalIsCounted() {
        TestResponse r = compare(SHADOW_1, Map.of("limit", "1"), DATA_SCIENTIST);
        assertEquals(200, r.status());
        OpenApi.assertValid("ShadowComparison", r.body());
        assertEquals(2, r.body().get("bandChangeCount").asInt());
        assertEquals(1, r.body().get("bandChanges").size());
        assertEquals(1, r.body().get("limit").asInt());
    }

    @Test
    void theChampionAgainstItsShadowSeesTheSamePairsFromTheOtherSide() {
        TestResponse r = compare(CHAMPION, Map.of("baseline", SHADOW_1), DATA_SCIENTIST);
        assertEquals(200, r.status());
        OpenApi.assertValid("ShadowComparison", r.body());
        assertEquals(10, r.body().get("pairs").asInt());
        assertFalse(r.body().get("baselineIsChampion").asBoolean());
        assertEquals(1, r.body().get("bandMatrix").get("MEDIUM").get("LOW").asInt(), "LOW to MEDIUM seen backwards");
        assertEquals(1 - 6.0 * 4 / (10 * 99), r.body().get("spearman").asDouble(), 1e-12);
    }

    @Test
    void twoShadowModelsPairOnTheContentBothScored() {
        // Shadow 2 scored applications 3 to 12 (the first seven of them also scored by shadow 1 under the champion,
        // plus 10 and 11, which shadow 1 scored under the older primary): 9 common content keys.
        for (int i = 3; i <= 12; i++) {
            store(SHADOW_2, i, i < SHADOW.length ? SHADOW[i] : 0.5, i < SHADOW.length ? SHADOW_BANDS[i] : MEDIUM, CHAMPION);
        }
        TestResponse r = compare(SHADOW_2, Map.of("baseline", SHADOW_1), DATA_SCIENTIST);
        assertEquals(200, r.status(), r.body().toString());
        OpenApi.assertValid("ShadowComparison", r.body());
        assertEquals(9, r.body().get("pairs").asInt());
        // Applications 10 (HIGH under shadow 1, MEDIUM under 2) and 11 (LOW, MEDIUM) change; 3 to 9 agree.
        assertEquals(2, r.body().get("bandChangeCount").asInt());
        assertEquals(app(10), r.body().get("bandChanges").get(0).get("applicationId").asText());
        assertEquals(app(11), r.body().get("bandChanges").get(1).get("applicationId").asText());
    }

    @Test
    void partitionsLongerThanOnePageAreReadWhole() {
        // 520 items in each of two partitions: the Query pages at 500, and the merge-join must cross the page.
        for (int i = 20; i < 540; i++) {
            double s = i / 1000.0;
            store(SHADOW_2, i, s, LOW, CHAMPION);
            store("unpaired-v4", i, 1 - s, i < 300 ? LOW : MEDIUM, CHAMPION);
        }
        TestResponse r = compare("unpaired-v4", Map.of("baseline", SHADOW_2), DATA_SCIENTIST);
        assertEquals(200, r.status());
        assertEquals(520, r.body().get("pairs").asInt());
        assertEquals(-1.0, r.body().get("spearman").asDouble(), 1e-12);
        assertEquals(240, r.body().get("bandChangeCount").asInt());
        assertEquals(100, r.body().get("bandChanges").size(), "the default limit");
    }

    @Test
    void withoutPairsTheAnswerIsZeroPairsWithoutStatistics() {
        TestResponse r = compare("unpaired-v4", Map.of(), DATA_SCIENTIST);
        assertEquals(200, r.status());
        OpenApi.assertValid("ShadowComparison", r.body());
        assertEquals(0, r.body().get("pairs").asInt());
        assertFalse(r.body().has("bandAgreement"));
        assertFalse(r.body().has("spearman"));
        assertEquals(0, r.body().get("bandChanges").size());
    }

    @Test
    void badParametersAreFieldProblemsAndUnknownModelsAreNotFound() {
        for (Map<String, String> query : List.of(Map.of("limit", "0"), Map.of("limit", "1001"), Map.of("limit", "x"),
                Map.of("baseline", "bad version!"), Map.of("baseline", SHADOW_1))) {
            TestResponse r = compare(SHADOW_1, query, DATA_SCIENTIST);
            assertEquals(400, r.status(), query.toString());
            OpenApi.assertValid("Problem", r.body());
            String field = query.containsKey("limit") ? "limit" : "baseline";
            assertEquals(field, r.body().get("problems").get(0).get("field").asText());
        }
        TestResponse champion = compare(CHAMPION, Map.of(), DATA_SCIENTIST);
        assertEquals(400, champion.status(), "the champion against itself");
        assertEquals(404, compare("unknown-v9", Map.of(), DATA_SCIENTIST).status());
        TestResponse unknownBaseline = compare(SHADOW_1, Map.of("baseline", "unknown-v9"), DATA_SCIENTIST);
        assertEquals(404, unknownBaseline.status());
        OpenApi.assertValid("Problem", unknownBaseline.body());
    }

    @Test
    void onlyDataScientistsMayCompare() {
        for (Map<String, String> claims : List.of(OFFICER, Map.<String, String>of())) {
            TestResponse r = compare(SHADOW_1, Map.of(), claims);
            assertEquals(403, r.status());
            OpenApi.assertValid("Problem", r.body());
        }
    }

    @Test
    void withoutAChampionABaselineMustBeNamed() {
        TestStack empty = TestStack.create();
        ShadowComparison comparison = empty.components().shadowComparison();
        // A model with a stored artifact, and no deployment package's model that scoring functions would serve.
        empty.components().registry().register(TestModel.manifestAs(SHADOW_1), new StoredArtifact("s3://b/models/"
                + SHADOW_1 + "/", "a".repeat(64), "b".repeat(64)), "ds", Instant.now(Clock.systemUTC()));
        ModelStateConflictException e = org.junit.jupiter.api.Assertions.assertThrows(
                ModelStateConflictException.class, () -> comparison.compare(SHADOW_1, null, 100));
        assertEquals("There is no champion to compare model shadow-v2 with; name a baseline.", e.getMessage());
    }

    @Test
    void beforeTheFirstPromotionTheBaselineIsTheDeploymentPackagesModelThatServes() {
        TestStack empty = TestStack.create();
        ShadowComparison comparison = empty.components().shadowComparison();
        // What a scoring function registers: its deployment package's model, without a stored artifact.
        empty.components().registry().register(TestModel.manifestAs(SHADOW_1), null, "scoring-function",
                Instant.now(Clock.systemUTC()));
        InvalidRequestException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidRequestException.class,
                () -> comparison.compare(SHADOW_1, null, 100), "compared with itself: the served model is the baseline");
        assertTrue(e.problems().get(0).message().contains("(model shadow-v2 is the champion)"),
                e.problems().toString());
    }
}
