package org.licencerisk.functions.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.decisions.DecisionsHandler;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.http.Caller;
import org.licencerisk.functions.http.RoleRequirement;
import org.licencerisk.functions.models.ModelsHandler;
import org.licencerisk.functions.queue.QueueHandler;
import org.licencerisk.functions.scores.ApplicationScoresHandler;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Roles are exact, whole OAuth scopes of the caller's token: officer-only routes (decisions, queue), reads of scores
 * and models (officers and data scientists) answer 403 to everyone else, and group claims grant nothing.
 */
class RoleCheckTest {

    private static final String OFFICER = "licence-risk/officer";
    private static final String SCIENTIST = "licence-risk/data-scientist";
    private static final String DECISION = "{\"outcome\":\"APPROVED\",\"criteria\":[],"
            + "\"rationale\":\"Nothing of concern.\"}";

    private static TestStack stack;
    private static DecisionsHandler decisions;
    private static QueueHandler queue;

    @BeforeAll
    static void setUp() {
        stack = TestStack.create();
        decisions = new DecisionsHandler(stack.components());
        queue = new QueueHandler(stack.components());
    }

    /** Scope lists (as the gateway passes them) that make the caller an officer. */
    static Stream<List<String>> grantingScopes() {
        return Stream.of(List.of(OFFICER), List.of(SCIENTIST, OFFICER), List.of("openid", OFFICER, "profile"));
    }

    /**
     * Scope lists that do not: none, another role, near misses, and the values that a parsed group list used to
     * grant ({@code "x,officer"} or {@code "b officer"} as one element is one value, not two).
     */
    static Stream<List<String>> refusedScopes() {
        return Stream.of(List.of(), List.of(SCIENTIST), List.of("licence-risk/officers"), List.of("Licence-Risk/Officer"),
                List.of("x," + OFFICER), List.of("b " + OFFICER), List.of("[" + OFFICER + "]"), List.of("officer"),
                List.of(OFFICER + " "));
    }

    private static Events withScopes(Events event, List<String> scopes) {
        return event.claims(Map.of("sub", "officer-7", "iss", "https://idp.test")).scopes(scopes);
    }

    private static TestResponse readQueue(Events event) {
        return TestStack.invoke(queue, event);
    }

    private static Events queueEvent() {
        return Events.get(QueueHandler.PATH, Map.of());
    }

    private static Events decisionEvent(String applicationId) {
        return Events.request("PUT", DecisionsHandler.PATH, Map.of("applicationId", applicationId)).jsonBody(DECISION);
    }

    private static void assertForbidden(TestResponse r, String role) {
        assertEquals(403, r.status(), r.body().toString());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"));
        OpenApi.assertValid("Problem", r.body());
        assertEquals("urn:licence-risk:problem:forbidden", r.body().get("type").asText());
        assertTrue(r.body().get("detail").asText().contains("'" + role + "'"), "names the role needed");
    }

    @ParameterizedTest
    @MethodSource("grantingScopes")
    void officersReadTheQueueAndRecordDecisions(List<String> scopes) {
        TestResponse page = readQueue(withScopes(queueEvent(), scopes));
        assertEquals(200, page.status(), page.body().toString());
        OpenApi.assertValid("QueuePage", page.body());

        String applicationId = "R-OK-" + Integer.toHexString(scopes.hashCode());
        TestStack.invoke(new ScoresHandler(stack.components()), Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(Applications.variant(applicationId, 1).toString()));
        TestResponse decided = TestStack.invoke(decisions, withScopes(decisionEvent(applicationId), scopes));
        assertEquals(201, decided.status(), decided.body().toString());
        OpenApi.assertValid("Decision", decided.body());
    }

    @ParameterizedTest
    @MethodSource("refusedScopes")
    void everyoneElseGets403NamingTheRoleButNotTheirScopesAndNothingIsStored(List<String> scopes) {
        assertForbidden(readQueue(withScopes(queueEvent(), scopes)), OFFICER);
        String applicationId = "R-NO-" + Integer.toHexString(scopes.hashCode());
        TestResponse decided = TestStack.invoke(decisions, withScopes(decisionEvent(applicationId), scopes));
        assertForbidden(decided, OFFICER);
        scopes.forEach(s -> assertFalse(decided.body().get("detail").asText().contains("'" + s + "'")
                && !s.equals(OFFICER), "the caller's scopes are not echoed"));
        assertTrue(stack.items().stream().noneMatch(i -> i.get("applicationId").s().equals(applicationId)));
    }

    @Test
    void groupClaimsGrantNothingWhateverTheyList() {
        for (String groups : List.of("[officer]", "[x,officer]", "[b officer]", "[" + OFFICER + "]", OFFICER)) {
            Map<String, String> claims = Map.of("sub", "officer-7", "cognito:groups", groups);
            assertForbidden(readQueue(queueEvent().claims(claims)), OFFICER);
        }
    }

    @Test
    void withoutTheGatewaysListTheStandardScopeClaimIsReadAsSpaceSeparatedScopes() {
        Map<String, String> claims = new HashMap<>(Map.of("sub", "officer-7", "scope", "openid " + OFFICER));
        assertEquals(200, readQueue(queueEvent().claims(claims).scopes(null)).status());
        claims.put("scope", "openid x," + OFFICER);
        assertForbidden(readQueue(queueEvent().claims(claims).scopes(null)), OFFICER);
        claims.put("scope", "[openid " + OFFICER + "]");
        assertForbidden(readQueue(queueEvent().claims(claims).scopes(null)), OFFICER);
    }

    @Test
    void withoutAuthorizerContextOrSubjectTheCheckFailsClosed() {
        assertForbidden(readQueue(queueEvent().claims(Map.of())), OFFICER);
        assertForbidden(readQueue(queueEvent().claims(Map.of("scope", OFFICER))), OFFICER);
        assertForbidden(readQueue(queueEvent().claims(Map.of("scope", OFFICER, "sub", " "))), OFFICER);
        assertForbidden(readQueue(queueEvent().iam("arn:aws:iam::123456789012:role/licensing")), OFFICER);
    }

    @Test
    void scoresAndModelsAreReadByOfficersAndDataScientistsOnly() {
        String applicationId = "R-READ-1";
        TestStack.invoke(new ScoresHandler(stack.components()), Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(Applications.variant(applicationId, 1).toString()));
        ApplicationScoresHandler scores = new ApplicationScoresHandler(stack.components());
        ModelsHandler models = new ModelsHandler(stack.components());
        for (List<String> scopes : List.of(List.of(OFFICER), List.of(SCIENTIST))) {
            assertEquals(200, TestStack.invoke(scores, withScopes(Events.get(ApplicationScoresHandler.LATEST,
                    Map.of("applicationId", applicationId)), scopes)).status(), scopes.toString());
            assertEquals(200, TestStack.invoke(models, withScopes(Events.get(ModelsHandler.LIST, Map.of()), scopes))
                    .status(), scopes.toString());
        }
        for (List<String> scopes : List.of(List.<String>of(), List.of("openid"), List.of("b " + OFFICER))) {
            TestResponse latest = TestStack.invoke(scores, withScopes(Events.get(ApplicationScoresHandler.LATEST,
                    Map.of("applicationId", applicationId)), scopes));
            assertForbidden(latest, OFFICER);
            assertTrue(latest.body().get("detail").asText().contains("'" + SCIENTIST + "'"));
            assertFalse(latest.body().toString().contains("riskScore"), "no score leaks into the refusal");
            assertForbidden(TestStack.invoke(models, withScopes(Events.get(ModelsHandler.LIST, Map.of()), scopes)),
                    OFFICER);
        }
    }

    @Test
    void theRoleIsCheckedBeforeTheBodySoRefusedCallersLearnNothingAboutIt() {
        TestResponse r = TestStack.invoke(decisions, withScopes(Events.request("PUT", DecisionsHandler.PATH,
                Map.of("applicationId", "R-BODY")).jsonBody("not json").header("content-type", "text/plain"),
                List.of(SCIENTIST)));
        assertForbidden(r, OFFICER);
    }

    @Test
    void theScopesAreConfigurable() {
        TestStack custom = TestStack.withEnvironment(Map.of(ApiConfig.OFFICER_SCOPE, "https://api.example/officer"));
        QueueHandler handler = new QueueHandler(custom.components());
        assertEquals(200, TestStack.invoke(handler, withScopes(queueEvent(), List.of("https://api.example/officer")))
                .status());
        TestResponse refused = TestStack.invoke(handler, withScopes(queueEvent(), List.of(OFFICER)));
        assertForbidden(refused, "https://api.example/officer");
    }

    @Test
    void theDefaultsAreTheProjectsScopesAndAScopeMustBeOne() {
        ApiConfig config = stack.config();
        assertEquals(RoleRequirement.of(OFFICER), config.officer());
        assertEquals(RoleRequirement.of(SCIENTIST), config.dataScientist());
        assertEquals(Set.of(OFFICER, SCIENTIST), config.reader().roles());
        for (String bad : List.of("licensing officers", "a\"b", "")) {
            assertThrows(IllegalArgumentException.class, () -> ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE,
                    "apps", ApiConfig.MODELS_TABLE, "models", ApiConfig.OFFICER_SCOPE, bad.isEmpty() ? SCIENTIST : bad,
                    ApiConfig.DATA_SCIENTIST_SCOPE, SCIENTIST)), bad);
        }
    }

    @Test
    void theCallerIsReadInOnePlaceFromTokensAndSignedRequests() {
        Caller user = Caller.of(Events.get(QueueHandler.PATH, Map.of())
                .claims(Map.of("sub", "officer-7", "scope", "openid " + OFFICER)).build());
        assertEquals(Caller.Kind.TOKEN, user.kind());
        assertEquals("officer-7", user.subject());
        assertEquals(Set.of("openid", OFFICER), user.roles());
        Caller system = Caller.of(Events.get(QueueHandler.PATH, Map.of())
                .iam("arn:aws:iam::123456789012:role/licensing-system").build());
        assertEquals(Caller.Kind.IAM, system.kind());
        assertEquals("arn:aws:iam::123456789012:role/licensing-system", system.subject());
        assertEquals(Set.of(), system.roles());
        Caller none = Caller.of(Events.get(QueueHandler.PATH, Map.of()).claims(Map.of()).build());
        assertEquals(Caller.NONE, none);
        assertNull(none.subject());
    }

    @Test
    void aRouteDeclaredWithARoleNeedsOneAndARoleMustBeAScope() {
        ApiDispatcher.Builder builder = ApiDispatcher.builder(stack.components().logger());
        assertThrows(IllegalArgumentException.class, () -> builder.get("/x", null, r -> ApiResponse.ok(List.of())));
        assertThrows(IllegalArgumentException.class, () -> new RoleRequirement(List.of()));
        for (String bad : Arrays.asList("", "a b", "a\\b", null)) {
            assertThrows(IllegalArgumentException.class, () -> RoleRequirement.anyOf(bad), String.valueOf(bad));
        }
    }
}
