package org.licencerisk.functions.template;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.local.SamTemplate;
import org.licencerisk.functions.scores.DynamoDbScoreRepository;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.functions.testing.Dynalite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What each function may write in the models table, what the score readers may read, and the gateway's and buckets'
 * limits: the template's answers to "what could this function do if its code went wrong".
 */
class LeastPrivilegeTest {

    private static final SamTemplate TEMPLATE = SamTemplate.read(Dynalite.repositoryRoot().resolve("template.yaml"));
    private static final Set<String> WRITES = Set.of("dynamodb:PutItem", "dynamodb:UpdateItem");

    private static SamTemplate.Function function(String logicalId) {
        return TEMPLATE.functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst().orElseThrow();
    }

    private static List<JsonNode> statements(SamTemplate.Function f) {
        List<JsonNode> out = new ArrayList<>();
        f.node().path("Properties").path("Policies").forEach(p -> p.path("Statement").forEach(out::add));
        return out;
    }

    private static Set<String> actions(JsonNode statement) {
        Set<String> out = new TreeSet<>();
        statement.path("Action").forEach(a -> out.add(a.asText()));
        return out;
    }

    private static boolean on(JsonNode statement, String logicalId) {
        return statement.path("Resource").toString().contains("\"" + logicalId + "\"");
    }

    /** The partitions a statement's writes are limited to, or {@code null} when they are not limited. */
    private static Set<String> leadingKeys(JsonNode statement) {
        JsonNode keys = statement.path("Condition").path("ForAllValues:StringEquals").path("dynamodb:LeadingKeys");
        if (keys.isMissingNode()) {
            return null;
        }
        Set<String> out = new TreeSet<>();
        keys.forEach(k -> out.add(k.asText()));
        return out;
    }

    /** The partitions each function may write in the models table. */
    private static Set<String> modelsTableWrites(SamTemplate.Function f) {
        Set<String> out = new TreeSet<>();
        for (JsonNode s : statements(f)) {
            if (on(s, TableDefinitions.MODELS_LOGICAL_ID) && actions(s).stream().anyMatch(WRITES::contains)) {
                Set<String> keys = leadingKeys(s);
                assertTrue(keys != null && !keys.isEmpty(), f.logicalId() + " writes the models table without a "
                        + "dynamodb:LeadingKeys condition: " + s);
                out.addAll(keys);
            }
        }
        return out;
    }

    @Test
    void everyWriteOfTheModelsTableIsLimitedToThePartitionsTheFunctionOwns() {
        assertEquals(Set.of("MODEL", "PROMOTION", "POINTER"), modelsTableWrites(function("PromotionFunction")));
        assertEquals(Set.of("MODEL", "PROMOTION"), modelsTableWrites(function("ShadowFunction")),
                "shadow mode changes statuses, never the champion pointer");
        assertEquals(Set.of("MODEL"), modelsTableWrites(function("RetrainFunction")),
                "retraining registers a challenger and nothing else");
        assertEquals(Set.of("JOB#RESCORE"), modelsTableWrites(function("RescoreFunction")));
        assertEquals(Set.of("JOB#EXPORT"), modelsTableWrites(function("ExportFunction")));
        assertEquals(Set.of("MODEL"), modelsTableWrites(function("ScoresFunction")),
                "the scoring function registers its deployment package's model and nothing else");
        for (String reader : List.of("ModelsFunction", "ApplicationScoresFunction", "QueueFunction",
                "DecisionsFunction")) {
            assertEquals(Set.of(), modelsTableWrites(function(reader)), reader);
        }
        // Every function with a write on the table was checked above (the method fails on an unconditioned one).
        TEMPLATE.functions().forEach(LeastPrivilegeTest::modelsTableWrites);
    }

    /**
     * A scoring function whose code went wrong could otherwise change the model every licensing system is scored by:
     * the champion pointer is written by the promotion function only (the first one too), and the scoring function
     * writes neither the pointer nor the promotion audit trail.
     */
    @Test
    void onlyThePromotionFunctionWritesTheChampionPointerNeverTheScoringFunction() {
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            Set<String> writes = modelsTableWrites(f);
            assertEquals(f.logicalId().equals("PromotionFunction"), writes.contains("POINTER"),
                    f.logicalId() + " may write the champion pointer: " + writes);
        }
        Set<String> scoring = modelsTableWrites(function("ScoresFunction"));
        assertFalse(scoring.contains("PROMOTION"), "the scoring function writes no audit record: " + scoring);
        for (JsonNode s : statements(function("ScoresFunction"))) {
            if (on(s, TableDefinitions.MODELS_LOGICAL_ID)) {
                assertFalse(actions(s).contains("dynamodb:UpdateItem"), "the scoring function changes no model item");
                assertFalse(actions(s).stream().anyMatch(a -> a.startsWith("dynamodb:Batch")
                        || a.startsWith("dynamodb:Transact") || a.equals("dynamodb:DeleteItem")), s.toString());
            }
        }
    }

    @Test
    void theScoreReadersReadScoreAttributesOnlyNeverTheApplicationsContent() {
        SamTemplate.Function reader = function("ApplicationScoresFunction");
        Set<String> expected = new TreeSet<>(DynamoDbScoreRepository.SCORE_ATTRIBUTES);
        assertFalse(expected.contains(DynamoDbScoreRepository.APPLICATION));
        int checked = 0;
        for (JsonNode s : statements(reader)) {
            String resource = s.path("Resource").toString();
            if (resource.contains("/index/")) {
                assertEquals("ALL_PROJECTED_ATTRIBUTES", s.path("Condition").path("StringEqualsIfExists")
                        .path("dynamodb:Select").asText(), "an index query may not fetch attributes from the table");
                assertEquals("[{\"Fn::Sub\":\"${ApplicationsTable.Arn}/index/" + TableDefinitions.HISTORY_INDEX + "\"}]",
                        resource);
            } else {
                Set<String> allowed = new TreeSet<>();
                s.path("Condition").path("ForAllValues:StringEquals").path("dynamodb:Attributes")
                        .forEach(a -> allowed.add(a.asText()));
                assertEquals(expected, allowed, "the template lists exactly the attributes the code projects");
                assertEquals("SPECIFIC_ATTRIBUTES", s.path("Condition").path("StringEquals").path("dynamodb:Select")
                        .asText(), "a read without a projection (every attribute) is refused");
            }
            checked++;
        }
        assertEquals(2, checked);
    }

    @Test
    void everyOfficerRouteRequiresTheScopesItsHandlerChecksSoThatTheGatewayRefusesOthersFirst() {
        JsonNode globals = TEMPLATE.root().path("Globals").path("Function").path("Environment").path("Variables");
        String officer = globals.path("OFFICER_SCOPE").asText();
        String scientist = globals.path("DATA_SCIENTIST_SCOPE").asText();
        assertEquals("licence-risk/officer", officer);
        assertEquals("licence-risk/data-scientist", scientist);
        String denialAdmin = globals.path("DENIAL_ADMIN_SCOPE").asText();
        assertEquals("licence-risk/denial-admin", denialAdmin);
        java.util.Map<String, Set<String>> expected = new java.util.HashMap<>(java.util.Map.of(
                "/v1/queue", Set.of(officer),
                "/v1/applications/{applicationId}/decision", Set.of(officer),
                "/v1/applications/{applicationId}/scores", Set.of(officer, scientist),
                "/v1/applications/{applicationId}/scores/latest", Set.of(officer, scientist),
                "/v1/applications/{applicationId}/scores/{scoreId}", Set.of(officer, scientist),
                "/v1/models", Set.of(officer, scientist),
                "/v1/models/{modelVersion}", Set.of(officer, scientist),
                "/v1/models/{modelVersion}/promote", Set.of(scientist),
                "/v1/promotions", Set.of(scientist),
                "/v1/models/{modelVersion}/shadow", Set.of(scientist)));
        // The denial register: officers read it, denial administrators keep it (a denial's PUT is checked by the
        // function, as the route also serves its GET); officers review matches.
        expected.putAll(java.util.Map.of(
                "/v1/denials", Set.of(officer, denialAdmin),
                "/v1/denials/{denialId}", Set.of(officer, denialAdmin),
                "/v1/denials/{denialId}/versions", Set.of(officer, denialAdmin),
                "/v1/denials/{denialId}/revoke", Set.of(denialAdmin),
                "/v1/applications/{applicationId}/denial-matches", Set.of(officer),
                "/v1/applications/{applicationId}/denial-matches/{denialId}", Set.of(officer)));
        int routes = 0;
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            for (SamTemplate.Route r : f.routes()) {
                if (r.authorizer().equals("AWS_IAM")) {
                    assertEquals(List.of(), r.scopes(), r.path());
                    continue;
                }
                assertFalse(r.scopes().isEmpty(), r.path() + " admits any token the identity provider issues");
                Set<String> wanted = expected.getOrDefault(r.path(),
                        r.path().endsWith("/comparison") ? Set.of(scientist) : null);
                assertEquals(wanted, Set.copyOf(r.scopes()), r.path());
                routes++;
            }
        }
        assertTrue(routes >= 17, "routes read: " + routes);
    }

    @Test
    void everyRouteIsThrottledByTheGatewayWithLimitsThatAreParameters() {
        JsonNode settings = TEMPLATE.properties("Api").path("DefaultRouteSettings");
        assertEquals("ApiThrottlingBurstLimit", settings.path("ThrottlingBurstLimit").path("Ref").asText());
        assertEquals("ApiThrottlingRateLimit", settings.path("ThrottlingRateLimit").path("Ref").asText());
        JsonNode parameters = TEMPLATE.root().path("Parameters");
        assertTrue(parameters.path("ApiThrottlingBurstLimit").path("Default").asInt() > 0);
        assertTrue(parameters.path("ApiThrottlingRateLimit").path("Default").asInt() > 0);
    }

    @Test
    void exportsExpireAfterARetentionThatIsAParameter() {
        JsonNode rules = TEMPLATE.properties("ExportBucket").path("LifecycleConfiguration").path("Rules");
        assertEquals(1, rules.size());
        JsonNode rule = rules.get(0);
        assertEquals("Enabled", rule.path("Status").asText());
        assertEquals("exports/", rule.path("Prefix").asText());
        assertEquals("ExportRetentionInDays", rule.path("ExpirationInDays").path("Ref").asText());
        assertTrue(TEMPLATE.root().path("Parameters").path("ExportRetentionInDays").path("Default").asInt() > 0);
    }

    @Test
    void theTablesMayUseACustomerManagedKeyAndOtherwiseDynamoDbsOwn() {
        JsonNode parameter = TEMPLATE.root().path("Parameters").path("TablesKmsKeyArn");
        assertEquals("", parameter.path("Default").asText(), "optional: empty keeps the AWS-managed key");
        assertTrue("arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
                .matches(parameter.path("AllowedPattern").asText()));
        assertFalse("alias/mine".matches(parameter.path("AllowedPattern").asText()));
        for (String table : List.of(TableDefinitions.APPLICATIONS_LOGICAL_ID, TableDefinitions.MODELS_LOGICAL_ID,
                TableDefinitions.SHADOW_SCORES_LOGICAL_ID)) {
            JsonNode key = TEMPLATE.properties(table).path("SSESpecification").path("KMSMasterKeyId").path("Fn::If");
            assertEquals("TablesUseCustomerManagedKey", key.get(0).asText(), table);
            assertEquals("TablesKmsKeyArn", key.get(1).path("Ref").asText(), table);
            assertEquals("AWS::NoValue", key.get(2).path("Ref").asText(), table);
        }
        assertTrue(TEMPLATE.root().path("Conditions").has("TablesUseCustomerManagedKey"));
    }
}
