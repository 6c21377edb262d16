package org.licencerisk.functions.security;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.decisions.DecisionsHandler;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.http.RoleRequirement;
import org.licencerisk.functions.http.Roles;
import org.licencerisk.functions.queue.QueueHandler;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Officer-only routes (decisions, queue) check the role claim of the caller's JWT and answer 403 otherwise. */
class RoleCheckTest {

    private static final String CLAIM = "cognito:groups";
    private static final String DECISION = "{\"outcome\":\"APPROVED\",\"criteria\":[],"
            + "\"rationale\":\"Nothing of concern.\",\"officerId\":\"officer-7\"}";

    private static TestStack stack;
    private static DecisionsHandler decisions;
    private static QueueHandler queue;

    @BeforeAll
    static void setUp() {
        stack = TestStack.create();
        decisions = new DecisionsHandler(stack.components());
        queue = new QueueHandler(stack.components());
    }

    /** Claim values API Gateway may pass that grant the officer role: its list form, a JSON array string, a string. */
    static Stream<String> grantingClaims() {
        return Stream.of("[officer]", "[data-scientist officer]", "[\"officer\",\"data-scientist\"]", "[\"officer\"]",
                "officer", "data-scientist officer", "data-scientist,officer");
    }

    /** Claim values that do not: none, another role, a prefix, another case, malformed ones. */
    static Stream<String> refusedClaims() {
        return Stream.of("", "[]", "[data-scientist]", "data-scientist", "officers", "Officer", "[officer",
                "{\"officer\":true}", "[\"officer-7\"]", "null");
    }

    private static Map<String, String> claims(String roles) {
        Map<String, String> claims = new HashMap<>(Map.of("sub", "officer-7", "iss", "https://idp.test"));
        if (!roles.isEmpty()) {
            claims.put(CLAIM, roles);
        }
        return claims;
    }

    private static TestResponse readQueue(Map<String, String> claims) {
        return TestStack.invoke(queue, Events.get(QueueHandler.PATH, Map.of()).claims(claims));
    }

    private static TestResponse decide(String applicationId, Map<String, String> claims) {
        return TestStack.invoke(decisions, Events.request("PUT", DecisionsHandler.PATH,
                Map.of("applicationId", applicationId)).jsonBody(DECISION).claims(claims));
    }

    private static void assertForbidden(TestResponse r) {
        assertEquals(403, r.status(), r.body().toString());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"));
        OpenApi.assertValid("Problem", r.body());
        assertEquals("urn:licence-risk:problem:forbidden", r.body().get("type").asText());
        assertTrue(r.body().get("detail").asText().contains("'officer'"), "names the role needed");
        assertTrue(r.body().get("detail").asText().contains("'" + CLAIM + "'"), "names the claim read");
    }

    @ParameterizedTest
    @MethodSource("grantingClaims")
    void officersReadTheQueueAndRecordDecisions(String roles) {
        TestResponse page = readQueue(claims(roles));
        assertEquals(200, page.status(), page.body().toString());
        OpenApi.assertValid("QueuePage", page.body());

        String applicationId = "R-OK-" + Integer.toHexString(roles.hashCode());
        TestStack.invoke(new ScoresHandler(stack.components()), Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(Applications.variant(applicationId, 1).toString()));
        TestResponse decided = decide(applicationId, claims(roles));
        assertEquals(201, decided.status(), decided.body().toString());
        OpenApi.assertValid("Decision", decided.body());
    }

    @ParameterizedTest
    @MethodSource("refusedClaims")
    void everyoneElseGets403NamingTheRoleButNotTheirClaimsAndNothingIsStored(String roles) {
        TestResponse page = readQueue(claims(roles));
        assertForbidden(page);
        String applicationId = "R-NO-" + Integer.toHexString(roles.hashCode());
        TestResponse decided = decide(applicationId, claims(roles));
        assertForbidden(decided);
        if (!roles.isEmpty()) {
            assertFalse(decided.body().toString().contains(roles), "the caller's claim is not echoed");
        }
        assertTrue(stack.items().stream().noneMatch(i -> i.get("applicationId").s().equals(applicationId)));
    }

    @Test
    void withoutAuthorizerContextOrSubjectTheCheckFailsClosed() {
        assertForbidden(readQueue(Map.of()));
        assertForbidden(readQueue(Map.of(CLAIM, "[officer]")));
        assertForbidden(readQueue(Map.of(CLAIM, "[officer]", "sub", " ")));
    }

    @Test
    void theRoleIsCheckedBeforeTheBodySoRefusedCallersLearnNothingAboutIt() {
        TestResponse r = TestStack.invoke(decisions, Events.request("PUT", DecisionsHandler.PATH,
                Map.of("applicationId", "R-BODY")).jsonBody("not json").header("content-type", "text/plain")
                .claims(claims("[data-scientist]")));
        assertForbidden(r);
    }

    @Test
    void theOfficerRoleAndTheClaimAreConfigurable() {
        TestStack custom = TestStack.withEnvironment(Map.of(ApiConfig.OFFICER_ROLE, "licensing-officers",
                ApiConfig.ROLE_CLAIM, "roles"));
        QueueHandler handler = new QueueHandler(custom.components());
        assertEquals(200, TestStack.invoke(handler, Events.get(QueueHandler.PATH, Map.of())
                .claims(Map.of("sub", "o-1", "roles", "[licensing-officers]"))).status());
        TestResponse refused = TestStack.invoke(handler, Events.get(QueueHandler.PATH, Map.of())
                .claims(Map.of("sub", "o-1", CLAIM, "[officer]")));
        assertEquals(403, refused.status());
        assertTrue(refused.body().get("detail").asText().contains("'licensing-officers'"));
    }

    @Test
    void theDefaultsAreTheOfficerAndDataScientistGroupsOfCognito() {
        ApiConfig config = stack.config();
        assertEquals(new RoleRequirement(CLAIM, "officer"), config.officer());
        assertEquals(new RoleRequirement(CLAIM, "data-scientist"), config.dataScientist());
        assertThrows(IllegalArgumentException.class, () -> ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, "apps",
                ApiConfig.MODELS_TABLE, "models", ApiConfig.OFFICER_ROLE, "licensing officers")),
                "a role that could never be listed in the claim is refused at start-up");
    }

    @Test
    void rolesAreParsedFromEveryFormApiGatewayPasses() {
        assertEquals(Set.of("officer", "data-scientist"), Roles.of(Map.of(CLAIM, "[officer data-scientist]"), CLAIM));
        assertEquals(Set.of("officer", "data-scientist"), Roles.of(Map.of(CLAIM, "[\"officer\",\"data-scientist\"]"), CLAIM));
        assertEquals(Set.of("officer", "data-scientist"), Roles.of(Map.of(CLAIM, "[\"officer\", \"data-scientist\"]"), CLAIM));
        assertEquals(Set.of("officer"), Roles.of(Map.of(CLAIM, " officer "), CLAIM));
        assertEquals(Set.of(), Roles.of(Map.of(CLAIM, "[]"), CLAIM));
        assertEquals(Set.of("{\"officer\":true}"), Roles.of(Map.of(CLAIM, "{\"officer\":true}"), CLAIM));
    }

    @Test
    void aRouteDeclaredWithARoleNeedsOneAndTheRequirementNeedsAClaimAndARole() {
        ApiDispatcher.Builder builder = ApiDispatcher.builder(stack.components().logger());
        assertThrows(IllegalArgumentException.class, () -> builder.get("/x", null, r -> ApiResponse.ok(List.of())));
        assertThrows(IllegalArgumentException.class, () -> new RoleRequirement(" ", "officer"));
        assertThrows(IllegalArgumentException.class, () -> new RoleRequirement(CLAIM, ""));
    }
}
