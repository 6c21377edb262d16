package org.licencerisk.functions.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.local.SamTemplate;
import org.licencerisk.functions.testing.Dynalite;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every route of template.yaml needs a caller identity, and no IAM statement anywhere in it grants a wildcard. */
class AccessPolicyTest {

    private static final Set<String> AUTHORIZERS = Set.of("AWS_IAM", "OfficerJwt");
    private static final SamTemplate TEMPLATE = SamTemplate.read(Dynalite.repositoryRoot().resolve("template.yaml"));

    @Test
    void everyRouteRequiresIamOrTheJwtAuthorizer() {
        int routes = 0;
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            for (SamTemplate.Route r : f.routes()) {
                assertTrue(AUTHORIZERS.contains(r.authorizer()),
                        () -> f.logicalId() + " " + r.path() + " is served without authentication: " + r.authorizer());
                routes++;
            }
        }
        assertTrue(routes >= 7, "the template's routes were read: " + routes);
        for (JsonNode resource : TEMPLATE.root().path("Resources")) {
            if (resource.path("Type").asText().equals("AWS::Serverless::HttpApi")) {
                assertEquals("OfficerJwt", resource.path("Properties").path("Auth").path("DefaultAuthorizer").asText(),
                        "a route added without Auth still needs a token");
            }
        }
        for (JsonNode event : events()) {
            assertFalse(Set.of("HttpApi", "Api").contains(event.path("Type").asText())
                    && event.path("Properties").path("Auth").path("Authorizer").asText().equalsIgnoreCase("NONE"));
            assertFalse(event.path("Type").asText().equals("FunctionUrl"), "no function URL bypasses the API");
        }
        TEMPLATE.root().path("Resources").forEach(r -> assertFalse(
                r.path("Properties").has("FunctionUrlConfig") || r.path("Type").asText().equals("AWS::Lambda::Url"),
                "no function URL bypasses the API"));
    }

    @Test
    void noPolicyStatementGrantsAWildcardActionOrResource() {
        List<JsonNode> statements = new ArrayList<>();
        collectStatements(TEMPLATE.root(), statements);
        List<JsonNode> keyPolicyStatements = new ArrayList<>();
        TEMPLATE.root().path("Resources").forEach(r -> {
            if (r.path("Type").asText().equals("AWS::KMS::Key")) {
                collectStatements(r.path("Properties").path("KeyPolicy"), keyPolicyStatements);
            }
        });
        assertTrue(statements.size() >= 5, "the template's statements were found: " + statements.size());
        for (JsonNode s : statements) {
            assertFalse(s.has("NotAction") || s.has("NotResource"), () -> "NotAction/NotResource grant by exclusion: " + s);
            if (s.path("Effect").asText().equals("Deny")) {
                // A Deny grants nothing; a broad one (e.g. every S3 action without TLS) only narrows access.
                continue;
            }
            for (JsonNode action : list(s.path("Action"))) {
                String a = action.asText();
                assertFalse(a.equals("*") || a.endsWith(":*"), () -> "wildcard action " + a + " in " + s);
            }
            if (keyPolicyStatements.contains(s)) {
                // In a KMS key policy, Resource "*" means the key itself: a key policy cannot name its own ARN.
                continue;
            }
            for (JsonNode resource : list(s.path("Resource"))) {
                assertFalse(resource.isTextual() && (resource.asText().equals("*") || resource.asText().endsWith(":*")),
                        () -> "wildcard resource in " + s);
            }
        }
        for (SamTemplate.Function f : TEMPLATE.functions()) {
            for (JsonNode policy : f.node().path("Properties").path("Policies")) {
                assertTrue(policy.isObject() && policy.has("Statement"),
                        () -> f.logicalId() + " uses only inline statements (no managed or SAM template policies): " + policy);
            }
        }
    }

    @Test
    void streamsAreReadThroughAnExplicitMappingWhoseFunctionMayReadOnlyItsTablesStream() {
        // A SAM DynamoDB/Kinesis/SQS event would attach a managed policy that reads every stream in the account.
        for (JsonNode event : events()) {
            assertFalse(Set.of("DynamoDB", "Kinesis", "SQS").contains(event.path("Type").asText()),
                    "stream events go through an AWS::Lambda::EventSourceMapping with inline permissions: " + event);
        }
        List<JsonNode> statements = new ArrayList<>();
        collectStatements(TEMPLATE.root(), statements);
        for (JsonNode s : statements) {
            for (JsonNode action : list(s.path("Action"))) {
                if (Set.of("dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator")
                        .contains(action.asText())) {
                    // The models table's stream (re-scoring) and the denials table's (re-screening), one per statement.
                    assertTrue(Set.of("[{\"Fn::GetAtt\":[\"ModelsTable\",\"StreamArn\"]}]",
                                    "[{\"Fn::GetAtt\":[\"DenialsTable\",\"StreamArn\"]}]")
                            .contains(s.path("Resource").toString()), "only the two tables' streams are read: " + s);
                }
            }
        }
    }

    private static List<JsonNode> events() {
        List<JsonNode> out = new ArrayList<>();
        TEMPLATE.root().path("Resources").forEach(r -> r.path("Properties").path("Events").forEach(out::add));
        return out;
    }

    /** Every object under a key named {@code Statement}, anywhere in the template. */
    private static void collectStatements(JsonNode node, List<JsonNode> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().equals("Statement")) {
                    list(e.getValue()).forEach(out::add);
                } else {
                    collectStatements(e.getValue(), out);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectStatements(child, out));
        }
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (!node.isMissingNode()) {
            out.add(node);
        }
        return out;
    }
}
