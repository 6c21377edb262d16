package org.licencerisk.functions.template;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.local.ConsoleFiles;
import org.licencerisk.functions.local.SamTemplate;
import org.licencerisk.functions.shadow.DynamoDbShadowScoreRepository;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.functions.testing.Dynalite;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestStack;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Holds template.yaml and openapi.yaml against the code, so that the three cannot drift apart. */
class TemplateTest {

    private static final Set<String> READ_ONLY = Set.of("dynamodb:GetItem", "dynamodb:Query");
    private static final Set<String> READERS = Set.of("ApplicationScoresFunction", "QueueFunction", "ModelsFunction");

    private static final String RETRAIN_HANDLER = "org.licencerisk.functions.retraining.RetrainHandler";
    private static final String RESCORE_HANDLER = "org.licencerisk.functions.rescoring.RescoreFunction";
    private static final String EXPORT_HANDLER = "org.licencerisk.functions.export.ExportHandler";
    private static final String RESCREEN_HANDLER = "org.licencerisk.functions.screening.RescreenFunction";
    /** Functions started by a schedule, a stream or an invoke rather than a route; the only ones that scan. */
    private static final Set<String> BATCH_HANDLERS = Set.of(RETRAIN_HANDLER, RESCORE_HANDLER, EXPORT_HANDLER,
            RESCREEN_HANDLER);
    /** Functions that read or write the denial register. */
    private static final Set<String> REGISTER_USERS = Set.of("ScoresFunction", "DecisionsFunction", "DenialsFunction",
            "RescreenFunction", "RescoreFunction");
    /** Functions that read the pseudonymisation key. */
    private static final Set<String> KEY_READERS = Set.of(RETRAIN_HANDLER, EXPORT_HANDLER);

    private static SamTemplate template;
    private static Components components;

    @BeforeAll
    static void setUp() {
        template = SamTemplate.read(Dynalite.repositoryRoot().resolve("template.yaml"));
        components = TestStack.withDenials().components();
    }

    private static RequestHandler<?, ?> handler(SamTemplate.Function f) throws Exception {
        Class<?> type = Class.forName(f.handler());
        assertTrue(RequestHandler.class.isAssignableFrom(type), f.handler() + " is a RequestHandler");
        assertNotNull(type.getConstructor(), f.handler() + " has a public no-argument constructor for Lambda");
        return (RequestHandler<?, ?>) type.getConstructor(Components.class).newInstance(components);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Set<String>> routes(RequestHandler<?, ?> handler) throws Exception {
        return (Map<String, Set<String>>) handler.getClass().getMethod("routes").invoke(handler);
    }

    @Test
    void everyFunctionsHandlerExistsAndServesExactlyItsRoutes() throws Exception {
        assertEquals(13, template.functions().size(),
                "9 behind the API, retraining, re-scoring, the export and the re-screening");
        Set<String> allPaths = new HashSet<>();
        for (SamTemplate.Function f : template.functions()) {
            if (BATCH_HANDLERS.contains(f.handler())) {
                assertTrue(f.routes().isEmpty(), f.logicalId() + " has no HTTP route");
                assertNotNull(handler(f));
                continue;
            }
            Set<String> templatePaths = new TreeSet<>();
            for (SamTemplate.Route r : f.routes()) {
                assertEquals("ANY", r.method(), "routes are ANY so that the handler can answer 405");
                assertTrue(templatePaths.add(r.path()));
                assertTrue(allPaths.add(r.path()), r.path() + " is routed to one function only");
            }
            assertEquals(templatePaths, new TreeSet<>(routes(handler(f)).keySet()), f.logicalId());
        }
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheRoutesAndMethodsOfTheHandlers() throws Exception {
        Map<String, Set<String>> code = new TreeMap<>();
        for (SamTemplate.Function f : template.functions()) {
            if (!BATCH_HANDLERS.contains(f.handler())) {
                code.putAll(routes(handler(f)));
            }
        }
        Map<String, Set<String>> documented = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = OpenApi.document().path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            Set<String> methods = new TreeSet<>();
            p.getValue().fieldNames().forEachRemaining(m -> methods.add(m.toUpperCase(Locale.ROOT)));
            documented.put(p.getKey(), methods);
        }
        assertEquals(documented, code);
    }

    @Test
    void licensingSystemsUseIamAndOfficersTheJwtAuthorizerWithIssuerAndAudienceParameters() {
        for (SamTemplate.Function f : template.functions()) {
            for (SamTemplate.Route r : f.routes()) {
                String expected = r.path().equals("/v1/scores") ? "AWS_IAM" : "OfficerJwt";
                assertEquals(expected, r.authorizer(), r.path());
            }
        }
        JsonNode jwt = template.properties("Api").path("Auth").path("Authorizers").path("OfficerJwt").path("JwtConfiguration");
        // The authority's own issuer and audience when given, else the stack's user pool and the console's client.
        JsonNode issuer = jwt.path("issuer").path("Fn::If");
        assertEquals("UseConsoleUserPool", issuer.get(0).asText());
        assertTrue(issuer.get(1).path("Fn::Sub").asText().endsWith("/${ConsoleUserPool}"));
        assertEquals("OfficerJwtIssuer", issuer.get(2).path("Ref").asText());
        JsonNode audience = jwt.path("audience").get(0).path("Fn::If");
        assertEquals("ConsoleUserPoolClient", audience.get(1).path("Ref").asText());
        assertEquals("OfficerJwtAudience", audience.get(2).path("Ref").asText());
        assertEquals("", template.root().path("Parameters").path("OfficerJwtIssuer").path("Default").asText("absent"),
                "the stack's user pool is the default issuer");
        assertTrue(template.properties("Api").path("Auth").path("EnableIamAuthorizer").asBoolean());
    }

    @Test
    void everyVariableTheConfigurationReadsIsSetWhereItIsNeededAndNothingElse() {
        Set<String> read = variablesReadByApiConfig();
        Set<String> classified = new HashSet<>(ApiConfig.TEMPLATE_VARIABLES);
        classified.addAll(ApiConfig.SCORING_VARIABLES);
        classified.addAll(ApiConfig.PROMOTION_VARIABLES);
        classified.addAll(ApiConfig.OFFICER_VARIABLES);
        classified.addAll(ApiConfig.RETRAINING_VARIABLES);
        classified.addAll(ApiConfig.SHADOW_VARIABLES);
        classified.addAll(ApiConfig.DATA_SCIENTIST_VARIABLES);
        classified.addAll(ApiConfig.RESCORING_VARIABLES);
        classified.addAll(ApiConfig.EXPORT_VARIABLES);
        classified.addAll(ApiConfig.DENIAL_VARIABLES);
        classified.addAll(ApiConfig.LOCAL_VARIABLES);
        classified.addAll(ApiConfig.RUNTIME_VARIABLES);
        assertEquals(read, classified, "every variable ApiConfig reads is in a list");
        for (SamTemplate.Function f : template.functions()) {
            Set<String> expected = new TreeSet<>(ApiConfig.TEMPLATE_VARIABLES);
            if (f.handler().endsWith(".ScoresHandler")) {
                expected.addAll(ApiConfig.SCORING_VARIABLES);
            }
            if (f.handler().endsWith(".PromotionHandler")) {
                expected.addAll(ApiConfig.PROMOTION_VARIABLES);
            }
            if (f.handler().endsWith(".DecisionsHandler") || f.handler().endsWith(".QueueHandler")
                    || f.handler().endsWith(".MatchReviewsHandler")) {
                expected.addAll(ApiConfig.OFFICER_VARIABLES);
            }
            if (f.handler().equals(RETRAIN_HANDLER)) {
                expected.addAll(ApiConfig.RETRAINING_VARIABLES);
            }
            if (f.handler().endsWith(".ScoresHandler") || f.handler().endsWith(".ShadowHandler")) {
                expected.addAll(ApiConfig.SHADOW_VARIABLES);
            }
            if (f.handler().endsWith(".ShadowHandler")) {
                expected.addAll(ApiConfig.DATA_SCIENTIST_VARIABLES);
            }
            if (f.handler().equals(RESCORE_HANDLER)) {
                expected.addAll(ApiConfig.RESCORING_VARIABLES);
            }
            if (f.handler().equals(EXPORT_HANDLER)) {
                expected.addAll(ApiConfig.EXPORT_VARIABLES);
            }
            if (REGISTER_USERS.contains(f.logicalId())) {
                expected.addAll(ApiConfig.DENIAL_VARIABLES);
            }
            assertEquals(expected, new TreeSet<>(f.environment().keySet()), f.logicalId());
            assertEquals(TableDefinitions.APPLICATIONS_LOGICAL_ID, f.environment().get(ApiConfig.APPLICATIONS_TABLE));
            assertEquals(TableDefinitions.MODELS_LOGICAL_ID, f.environment().get(ApiConfig.MODELS_TABLE));
            if (expected.contains(ApiConfig.DENIALS_TABLE)) {
                assertEquals(TableDefinitions.DENIALS_LOGICAL_ID, f.environment().get(ApiConfig.DENIALS_TABLE));
            }
            if (expected.contains(ApiConfig.SHADOW_SCORES_TABLE)) {
                assertEquals(TableDefinitions.SHADOW_SCORES_LOGICAL_ID, f.environment().get(ApiConfig.SHADOW_SCORES_TABLE));
            }
        }
    }

    /**
     * The names the configuration reads: {@link ApiConfig#from} is given an environment that records every variable
     * asked for (holding only the required table names, so that each optional one is read and defaulted), so a new
     * variable cannot hide.
     */
    private static Set<String> variablesReadByApiConfig() {
        Set<String> names = new TreeSet<>();
        Map<String, String> required = Map.of(ApiConfig.APPLICATIONS_TABLE, "applications", ApiConfig.MODELS_TABLE,
                "models");
        Map<String, String> recording = new AbstractMap<>() {
            @Override
            public String get(Object key) {
                names.add((String) key);
                return required.get(key);
            }

            @Override
            public String getOrDefault(Object key, String defaultValue) {
                names.add((String) key);
                return required.getOrDefault(key, defaultValue);
            }

            @Override
            public boolean containsKey(Object key) {
                names.add((String) key);
                return required.containsKey(key);
            }

            @Override
            public Set<Map.Entry<String, String>> entrySet() {
                return required.entrySet();
            }
        };
        ApiConfig.from(recording);
        assertTrue(names.size() >= 5, "the configuration reads its variables from the map: " + names);
        return names;
    }

    @Test
    void functionsUseJava17WithSnapStartOnPublishedVersionsAndLogGroupsWithRetention() {
        JsonNode globals = template.root().path("Globals").path("Function");
        assertEquals("java17", globals.path("Runtime").asText());
        assertEquals("PublishedVersions", globals.path("SnapStart").path("ApplyOn").asText());
        assertFalse(globals.path("AutoPublishAlias").asText().isEmpty());
        for (SamTemplate.Function f : template.functions()) {
            JsonNode group = template.root().path("Resources").path(f.logicalId() + "LogGroup").path("Properties");
            assertEquals("/aws/lambda/${" + f.logicalId() + "}", group.path("LogGroupName").path("Fn::Sub").asText());
            assertEquals("LogRetentionInDays", group.path("RetentionInDays").path("Ref").asText());
        }
    }

    @Test
    void policiesAreLeastPrivilegeAndReadersReadOnly() {
        for (SamTemplate.Function f : template.functions()) {
            Set<String> actions = new TreeSet<>();
            for (JsonNode policy : f.node().path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("Statement")) {
                    statement.path("Action").forEach(a -> actions.add(a.asText()));
                    for (JsonNode resource : statement.path("Resource")) {
                        // The wildcards allowed: the objects under the artifact bucket's models/ prefix, (for the export
                        // and retraining functions only) those under the export bucket's exports/ prefix, and the
                        // models table's streams for dynamodb:ListStreams (which names no single stream).
                        String sub = resource.path("Fn::Sub").asText();
                        boolean artifactObjects = sub.equals("${ArtifactBucket.Arn}/models/*");
                        boolean exportObjects = sub.equals("${ExportBucket.Arn}/exports/*")
                                && KEY_READERS.contains(f.handler());
                        boolean streams = (sub.equals("${ModelsTable.Arn}/stream/*")
                                || sub.equals("${DenialsTable.Arn}/stream/*")) && statement.path("Action")
                                .toString().equals("[\"dynamodb:ListStreams\"]");
                        assertTrue(artifactObjects || exportObjects || streams || !resource.toString().contains("*"),
                                f.logicalId() + " names its resources");
                    }
                }
            }
            assertFalse(actions.isEmpty());
            actions.forEach(a -> assertFalse(a.contains("*"), a));
            // Only the batch jobs scan (the exports decided cases, re-scoring undecided ones); nothing deletes but the
            // re-screening (its own new score, when a decision came first); only the exporters read the key.
            assertEquals(f.handler().equals(RESCREEN_HANDLER), actions.contains("dynamodb:DeleteItem"), f.logicalId());
            assertEquals(BATCH_HANDLERS.contains(f.handler()), actions.contains("dynamodb:Scan"), f.logicalId());
            // The batch jobs read decisions and score contents in batches (BatchReads).
            assertEquals(BATCH_HANDLERS.contains(f.handler()), actions.contains("dynamodb:BatchGetItem"), f.logicalId());
            assertEquals(KEY_READERS.contains(f.handler()), actions.contains("secretsmanager:GetSecretValue"),
                    f.logicalId());
            if (READERS.contains(f.logicalId())) {
                assertTrue(READ_ONLY.containsAll(actions), f.logicalId() + " is read-only: " + actions);
            }
        }
    }

    @Test
    void tablesMatchTheCodesDefinitionsAndAreProtected() {
        assertEquals(canonical(TableDefinitions.applications("x")), canonical(template.properties(TableDefinitions.APPLICATIONS_LOGICAL_ID)));
        assertEquals(canonical(TableDefinitions.models("x")), canonical(template.properties(TableDefinitions.MODELS_LOGICAL_ID)));
        assertEquals(canonical(TableDefinitions.shadowScores("x")),
                canonical(template.properties(TableDefinitions.SHADOW_SCORES_LOGICAL_ID)));
        JsonNode ttl = template.properties(TableDefinitions.SHADOW_SCORES_LOGICAL_ID).path("TimeToLiveSpecification");
        assertEquals(DynamoDbShadowScoreRepository.EXPIRES_AT, ttl.path("AttributeName").asText(), "shadow scores expire");
        assertTrue(ttl.path("Enabled").asBoolean());
        assertEquals(canonical(TableDefinitions.denials("x")),
                canonical(template.properties(TableDefinitions.DENIALS_LOGICAL_ID)));
        for (String table : List.of(TableDefinitions.APPLICATIONS_LOGICAL_ID, TableDefinitions.MODELS_LOGICAL_ID,
                TableDefinitions.SHADOW_SCORES_LOGICAL_ID, TableDefinitions.DENIALS_LOGICAL_ID)) {
            JsonNode p = template.properties(table);
            assertEquals("PAY_PER_REQUEST", p.path("BillingMode").asText());
            assertTrue(p.path("PointInTimeRecoverySpecification").path("PointInTimeRecoveryEnabled").asBoolean());
            assertTrue(p.path("SSESpecification").path("SSEEnabled").asBoolean());
            assertEquals("KMS", p.path("SSESpecification").path("SSEType").asText());
            assertTrue(p.path("DeletionProtectionEnabled").asBoolean());
            assertEquals("Retain", template.root().path("Resources").path(table).path("DeletionPolicy").asText());
        }
    }

    @Test
    void theArtifactBucketIsVersionedKmsEncryptedPrivateReadByScoringAndWrittenOnlyByRetraining() {
        JsonNode bucket = template.properties("ArtifactBucket");
        assertEquals("Enabled", bucket.path("VersioningConfiguration").path("Status").asText());
        JsonNode sse = bucket.path("BucketEncryption").path("ServerSideEncryptionConfiguration").get(0)
                .path("ServerSideEncryptionByDefault");
        assertEquals("aws:kms", sse.path("SSEAlgorithm").asText());
        assertEquals("ArtifactKey", sse.path("KMSMasterKeyID").path("Fn::GetAtt").get(0).asText());
        JsonNode block = bucket.path("PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertTrue(block.path(setting).asBoolean(), setting);
        }
        assertTrue(template.properties("ArtifactKey").path("EnableKeyRotation").asBoolean());
        assertEquals("Retain", template.root().path("Resources").path("ArtifactBucket").path("DeletionPolicy").asText());
        for (SamTemplate.Function f : template.functions()) {
            String policies = f.node().path("Properties").path("Policies").toString();
            boolean retrain = f.handler().equals(RETRAIN_HANDLER);
            boolean scores = f.handler().endsWith(".ScoresHandler") || f.handler().equals(RESCORE_HANDLER);
            assertEquals(scores || retrain, policies.contains("ArtifactBucket"), f.logicalId());
            boolean export = f.handler().equals(EXPORT_HANDLER);
            assertEquals(retrain || export, policies.contains("s3:PutObject"), f.logicalId());
            assertEquals(retrain || export, policies.contains("ExportBucket"), f.logicalId());
            for (JsonNode policy : f.node().path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("Statement")) {
                    if (statement.path("Resource").toString().contains("ExportBucket")) {
                        // The export function only writes exports; retraining only reads them.
                        assertEquals(export ? "[\"s3:PutObject\"]" : "[\"s3:GetObject\"]",
                                statement.path("Action").toString(), f.logicalId());
                    }
                }
            }
            assertFalse(policies.contains("s3:DeleteObject"), f.logicalId());
        }
    }

    @Test
    void theModelsTableStreamStartsReScoringOnlyForThePointerAndRunningJobsOneInvocationAtATime() throws Exception {
        assertEquals("NEW_IMAGE", template.properties(TableDefinitions.MODELS_LOGICAL_ID).path("StreamSpecification")
                .path("StreamViewType").asText());
        SamTemplate.Function rescore = template.functions().stream()
                .filter(f -> f.handler().equals(RESCORE_HANDLER)).findFirst().orElseThrow();
        assertNotNull(handler(rescore));
        assertEquals(900, rescore.timeoutSec(), "the most Lambda allows; the checkpoint resumes beyond it");
        assertEquals(1, rescore.node().path("Properties").path("ReservedConcurrentExecutions").asInt());
        SamTemplate.Function scoring = template.functions().stream()
                .filter(f -> f.handler().endsWith(".ScoresHandler")).findFirst().orElseThrow();
        assertTrue(Long.parseLong(rescore.environment().get(ApiConfig.RESCORE_SETTLE_SECONDS))
                        >= 3 * Long.parseLong(scoring.environment().get(ApiConfig.CHAMPION_CHECK_SECONDS)),
                "the closing sweep waits until no scoring function can still serve the previous champion");
        List<JsonNode> mappings = new ArrayList<>();
        template.root().path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals("AWS::Lambda::EventSourceMapping")
                    && r.path("Properties").path("FunctionName").path("Ref").asText().startsWith("Rescore")) {
                mappings.add(r.path("Properties"));
            }
        });
        assertEquals(1, mappings.size());
        JsonNode mapping = mappings.get(0);
        assertEquals(rescore.logicalId() + "Aliaslive", mapping.path("FunctionName").path("Ref").asText(),
                "the published alias, so SnapStart applies");
        assertEquals("[\"" + TableDefinitions.MODELS_LOGICAL_ID + "\",\"StreamArn\"]",
                mapping.path("EventSourceArn").path("Fn::GetAtt").toString());
        com.fasterxml.jackson.databind.ObjectMapper json = org.licencerisk.model.json.Json.mapper();
        Set<JsonNode> patterns = new HashSet<>();
        for (JsonNode filter : mapping.path("FilterCriteria").path("Filters")) {
            patterns.add(json.readTree(filter.path("Pattern").asText()));
        }
        assertEquals(Set.of(
                json.readTree("{\"dynamodb\":{\"NewImage\":{\"registry\":{\"S\":[\"POINTER\"]}}}}"),
                json.readTree("{\"dynamodb\":{\"NewImage\":{\"registry\":{\"S\":[\"JOB#RESCORE\"]},"
                        + "\"jobStatus\":{\"S\":[\"RUNNING\"]}}}}")), patterns);
    }

    @Test
    void theDenialsTableStreamStartsReScreeningOnlyForTheRegistersChangeCounter() throws Exception {
        assertEquals("NEW_IMAGE", template.properties(TableDefinitions.DENIALS_LOGICAL_ID).path("StreamSpecification")
                .path("StreamViewType").asText());
        SamTemplate.Function rescreen = template.functions().stream()
                .filter(f -> f.handler().equals(RESCREEN_HANDLER)).findFirst().orElseThrow();
        assertNotNull(handler(rescreen));
        assertEquals(1, rescreen.node().path("Properties").path("ReservedConcurrentExecutions").asInt());
        List<JsonNode> mappings = new ArrayList<>();
        template.root().path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals("AWS::Lambda::EventSourceMapping")
                    && r.path("Properties").path("FunctionName").path("Ref").asText().startsWith("Rescreen")) {
                mappings.add(r.path("Properties"));
            }
        });
        assertEquals(1, mappings.size());
        JsonNode mapping = mappings.get(0);
        assertEquals("RescreenFunctionAliaslive", mapping.path("FunctionName").path("Ref").asText());
        assertEquals("[\"" + TableDefinitions.DENIALS_LOGICAL_ID + "\",\"StreamArn\"]",
                mapping.path("EventSourceArn").path("Fn::GetAtt").toString());
        JsonNode pattern = org.licencerisk.model.json.Json.mapper().readTree(mapping.path("FilterCriteria")
                .path("Filters").get(0).path("Pattern").asText());
        assertEquals(org.licencerisk.functions.denials.DynamoDbDenialRepository.REGISTER,
                pattern.path("dynamodb").path("Keys").path("denialId").path("S").get(0).asText());
        for (SamTemplate.Function f : template.functions()) {
            String policies = f.node().path("Properties").path("Policies").toString();
            assertEquals(REGISTER_USERS.contains(f.logicalId()), policies.contains("DenialsTable"), f.logicalId());
        }
    }

    @Test
    void theKeyIsAGeneratedRetainedSecretReadAtRunTimeByExactlyTheExportersAndNeverInTheConfiguration() {
        JsonNode resources = template.root().path("Resources");
        JsonNode secret = resources.path("PseudonymisationKeySecret");
        assertEquals("AWS::SecretsManager::Secret", secret.path("Type").asText());
        assertEquals("Retain", secret.path("DeletionPolicy").asText());
        assertEquals("Retain", secret.path("UpdateReplacePolicy").asText());
        JsonNode generate = secret.path("Properties").path("GenerateSecretString");
        // 64 letters and digits are valid base64 of 48 bytes: at least the 32 the pseudonymiser needs.
        assertEquals(64, generate.path("PasswordLength").asInt());
        assertTrue(generate.path("ExcludePunctuation").asBoolean());
        assertEquals("ArtifactKey", secret.path("Properties").path("KmsKeyId").path("Fn::GetAtt").get(0).asText());
        assertFalse(template.root().path("Parameters").toString().toLowerCase(Locale.ROOT).contains("pseudonymisation"),
                "no deploy-time key parameter");
        assertFalse(template.root().toString().contains("resolve:ssm"), "no key resolved into the configuration");
        for (SamTemplate.Function f : template.functions()) {
            String arn = f.environment().get(ApiConfig.PSEUDONYMISATION_SECRET_ARN);
            assertEquals(KEY_READERS.contains(f.handler()) ? "PseudonymisationKeySecret" : null, arn, f.logicalId());
            for (JsonNode policy : f.node().path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("Statement")) {
                    if (statement.path("Action").toString().contains("secretsmanager:")) {
                        assertEquals("[\"secretsmanager:GetSecretValue\"]", statement.path("Action").toString());
                        assertEquals("[{\"Ref\":\"PseudonymisationKeySecret\"}]", statement.path("Resource").toString());
                    }
                }
            }
        }
    }

    @Test
    void theExportBucketIsKmsEncryptedPrivateTlsOnlyAndWrittenOnlyUnderExportsByTheExportFunction() {
        JsonNode bucket = template.properties("ExportBucket");
        JsonNode sse = bucket.path("BucketEncryption").path("ServerSideEncryptionConfiguration").get(0)
                .path("ServerSideEncryptionByDefault");
        assertEquals("aws:kms", sse.path("SSEAlgorithm").asText());
        JsonNode block = bucket.path("PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertTrue(block.path(setting).asBoolean(), setting);
        }
        assertEquals("Retain", template.root().path("Resources").path("ExportBucket").path("DeletionPolicy").asText());
        JsonNode tls = template.properties("ExportBucketPolicy").path("PolicyDocument").path("Statement").get(0);
        assertEquals("Deny", tls.path("Effect").asText());
        assertEquals("false", tls.path("Condition").path("Bool").path("aws:SecureTransport").asText());
        SamTemplate.Function export = template.functions().stream().filter(f -> f.handler().equals(EXPORT_HANDLER))
                .findFirst().orElseThrow();
        assertEquals("ExportBucket", export.environment().get(ApiConfig.EXPORT_BUCKET));
        String checkpoints = export.node().path("Properties").path("Policies").toString();
        assertTrue(checkpoints.contains("\"dynamodb:LeadingKeys\":[\"JOB#EXPORT\"]"),
                "the export function writes only its own job items in the models table");
    }

    @Test
    void outputsNameTheApiUrlAndTheTables() {
        JsonNode outputs = template.root().path("Outputs");
        assertTrue(outputs.has("ApiUrl"));
        assertEquals(TableDefinitions.APPLICATIONS_LOGICAL_ID, outputs.path("ApplicationsTableName").path("Value").path("Ref").asText());
        assertEquals(TableDefinitions.MODELS_LOGICAL_ID, outputs.path("ModelsTableName").path("Value").path("Ref").asText());
        assertEquals(TableDefinitions.SHADOW_SCORES_LOGICAL_ID,
                outputs.path("ShadowScoresTableName").path("Value").path("Ref").asText());
        assertEquals(TableDefinitions.DENIALS_LOGICAL_ID,
                outputs.path("DenialsTableName").path("Value").path("Ref").asText());
    }

    @Test
    void onlyTheScoringFunctionWritesShadowScoresAndOnlyTheShadowFunctionReadsThem() {
        for (SamTemplate.Function f : template.functions()) {
            Set<String> onShadowTable = new TreeSet<>();
            for (JsonNode policy : f.node().path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("Statement")) {
                    if (statement.path("Resource").toString().contains(TableDefinitions.SHADOW_SCORES_LOGICAL_ID)) {
                        statement.path("Action").forEach(a -> onShadowTable.add(a.asText()));
                    }
                }
            }
            Set<String> expected = f.handler().endsWith(".ScoresHandler") ? Set.of("dynamodb:PutItem")
                    : f.handler().endsWith(".ShadowHandler") ? Set.of("dynamodb:Query") : Set.of();
            assertEquals(expected, onShadowTable, f.logicalId());
        }
    }

    private static Map<String, Object> canonical(CreateTableRequest r) {
        Map<String, Object> m = new TreeMap<>();
        m.put("attributes", new TreeSet<>(r.attributeDefinitions().stream().map(a -> a.attributeName() + ":" + a.attributeTypeAsString()).toList()));
        m.put("keys", keys(r.keySchema()));
        Map<String, Object> indexes = new TreeMap<>();
        r.localSecondaryIndexes().forEach(i -> indexes.put("LSI " + i.indexName(), List.of(keys(i.keySchema()), projection(i.projection()))));
        r.globalSecondaryIndexes().forEach(i -> indexes.put("GSI " + i.indexName(), List.of(keys(i.keySchema()), projection(i.projection()))));
        m.put("indexes", indexes);
        return m;
    }

    private static Map<String, Object> canonical(JsonNode p) {
        Map<String, Object> m = new TreeMap<>();
        Set<String> attributes = new TreeSet<>();
        p.path("AttributeDefinitions").forEach(a -> attributes.add(a.path("AttributeName").asText() + ":" + a.path("AttributeType").asText()));
        m.put("attributes", attributes);
        m.put("keys", keys(p.path("KeySchema")));
        Map<String, Object> indexes = new TreeMap<>();
        p.path("LocalSecondaryIndexes").forEach(i -> indexes.put("LSI " + i.path("IndexName").asText(), List.of(keys(i.path("KeySchema")), projection(i.path("Projection")))));
        p.path("GlobalSecondaryIndexes").forEach(i -> indexes.put("GSI " + i.path("IndexName").asText(), List.of(keys(i.path("KeySchema")), projection(i.path("Projection")))));
        m.put("indexes", indexes);
        return m;
    }

    private static List<String> keys(List<KeySchemaElement> keys) {
        return keys.stream().map(k -> k.attributeName() + ":" + k.keyTypeAsString()).toList();
    }

    private static List<String> keys(JsonNode keys) {
        List<String> out = new ArrayList<>();
        keys.forEach(k -> out.add(k.path("AttributeName").asText() + ":" + k.path("KeyType").asText()));
        return out;
    }

    private static String projection(Projection p) {
        return p.projectionTypeAsString() + new TreeSet<>(p.nonKeyAttributes());
    }

    private static String projection(JsonNode p) {
        Set<String> nonKey = new TreeSet<>();
        p.path("NonKeyAttributes").forEach(a -> nonKey.add(a.asText()));
        return p.path("ProjectionType").asText() + nonKey;
    }

    @Test
    void theConsoleIsAPrivateBucketReadOnlyByItsDistributionThroughOriginAccessControlWithTheLocalServersHeaders() {
        JsonNode bucket = template.properties("ConsoleBucket");
        JsonNode block = bucket.path("PublicAccessBlockConfiguration");
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertTrue(block.path(setting).asBoolean(), setting);
        }
        assertFalse(bucket.has("WebsiteConfiguration"), "no public website endpoint");
        assertEquals("BucketOwnerEnforced", bucket.path("OwnershipControls").path("Rules").get(0).path("ObjectOwnership").asText());

        JsonNode statements = template.properties("ConsoleBucketPolicy").path("PolicyDocument").path("Statement");
        assertEquals("Deny", statements.get(0).path("Effect").asText());
        assertEquals("false", statements.get(0).path("Condition").path("Bool").path("aws:SecureTransport").asText());
        JsonNode read = statements.get(1);
        assertEquals("cloudfront.amazonaws.com", read.path("Principal").path("Service").asText());
        assertEquals("s3:GetObject", read.path("Action").asText(), "CloudFront may only read");
        assertTrue(read.path("Resource").path("Fn::Sub").asText().endsWith("/console/*"));
        assertTrue(read.path("Condition").path("StringEquals").path("AWS:SourceArn").path("Fn::Sub").asText()
                .endsWith(":distribution/${ConsoleDistribution}"), "only this distribution");
        assertEquals(2, statements.size());

        JsonNode config = template.properties("ConsoleDistribution").path("DistributionConfig");
        JsonNode origin = config.path("Origins").get(0);
        assertEquals("ConsoleOriginAccessControl", origin.path("OriginAccessControlId").path("Fn::GetAtt").get(0).asText());
        assertEquals("", origin.path("S3OriginConfig").path("OriginAccessIdentity").asText("absent"), "no legacy identity");
        JsonNode behaviour = config.path("DefaultCacheBehavior");
        assertEquals("redirect-to-https", behaviour.path("ViewerProtocolPolicy").asText());
        assertEquals("[\"GET\",\"HEAD\"]", behaviour.path("AllowedMethods").toString());
        assertEquals("ConsoleResponseHeadersPolicy", behaviour.path("ResponseHeadersPolicyId").path("Ref").asText());
        JsonNode oac = template.properties("ConsoleOriginAccessControl").path("OriginAccessControlConfig");
        assertEquals("always", oac.path("SigningBehavior").asText());
        assertEquals("s3", oac.path("OriginAccessControlOriginType").asText());

        JsonNode headers = template.properties("ConsoleResponseHeadersPolicy").path("ResponseHeadersPolicyConfig")
                .path("SecurityHeadersConfig");
        String csp = headers.path("ContentSecurityPolicy").path("ContentSecurityPolicy").path("Fn::Sub").get(0).asText();
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
        // Every directive is the local server's, except that the console may also call the API and the sign-in domain.
        for (String directive : ConsoleFiles.CONTENT_SECURITY_POLICY.split("; ")) {
            if (directive.startsWith("connect-src")) {
                assertTrue(csp.contains("connect-src 'self' https://*.execute-api.${AWS::Region}.${AWS::URLSuffix} ${SignIn};"), csp);
            } else {
                assertTrue(csp.contains(directive), directive);
            }
        }
        assertEquals("DENY", headers.path("FrameOptions").path("FrameOption").asText());
        assertEquals("no-referrer", headers.path("ReferrerPolicy").path("ReferrerPolicy").asText());
        assertTrue(headers.path("ContentTypeOptions").path("Override").asBoolean());
        assertTrue(headers.path("StrictTransportSecurity").path("AccessControlMaxAgeSec").asInt() >= 31_536_000);
    }

    @Test
    void officersSignInToTheConsoleWithAPublicClientUsingTheAuthorizationCodeFlowOnly() {
        JsonNode client = template.properties("ConsoleUserPoolClient");
        assertFalse(client.path("GenerateSecret").asBoolean(true), "a browser client holds no secret (PKCE instead)");
        assertEquals("[\"code\"]", client.path("AllowedOAuthFlows").toString(), "no implicit flow: tokens never in URLs");
        assertTrue(client.path("CallbackURLs").get(0).path("Fn::Sub").asText().endsWith("/console/"));
        assertTrue(client.path("EnableTokenRevocation").asBoolean());
        JsonNode pool = template.properties("ConsoleUserPool");
        assertTrue(pool.path("AdminCreateUserConfig").path("AllowAdminCreateUserOnly").asBoolean(), "no self sign-up");
        assertEquals("ON", pool.path("MfaConfiguration").asText());
        // The scopes the console's sign-in issues are the API's roles, as the functions read them from the globals.
        JsonNode server = template.properties("ConsoleResourceServer");
        Set<String> scopes = new TreeSet<>();
        server.path("Scopes").forEach(sc -> scopes.add(server.path("Identifier").asText() + "/" + sc.path("ScopeName").asText()));
        JsonNode globals = template.root().path("Globals").path("Function").path("Environment").path("Variables");
        assertEquals(new TreeSet<>(List.of(globals.path("OFFICER_SCOPE").asText(), globals.path("DATA_SCIENTIST_SCOPE").asText(),
                globals.path("DENIAL_ADMIN_SCOPE").asText())),
                scopes, "the resource server's scopes are the roles the functions check");
        Set<String> allowed = new TreeSet<>();
        client.path("AllowedOAuthScopes").forEach(sc -> allowed.add(sc.asText()));
        assertTrue(allowed.containsAll(scopes), "the console may ask for the roles' scopes");
        JsonNode cors = template.properties("Api").path("CorsConfiguration");
        assertEquals("https://${ConsoleDistribution.DomainName}", cors.path("AllowOrigins").get(0).path("Fn::Sub").asText(),
                "the API answers the console's origin only");
    }
}
