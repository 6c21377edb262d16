package org.licencerisk.functions.denials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.TestResponse;
import org.licencerisk.functions.testing.TestStack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DenialsHandlerTest {

    private static final Map<String, String> ADMIN = Map.of("sub", "admin-1", "scope", "licence-risk/denial-admin");
    private static final Map<String, String> OFFICER = Map.of("sub", "officer-7", "scope", "licence-risk/officer");
    private static final Map<String, String> NOBODY = Map.of("sub", "ds-1", "scope", "licence-risk/data-scientist");

    private static TestStack stack;
    private static DenialsHandler handler;

    @BeforeAll
    static void setUp() {
        stack = TestStack.withDenials();
        handler = new DenialsHandler(stack.components());
    }

    private static TestResponse put(String id, String body, Map<String, String> claims) {
        return TestStack.invoke(handler, Events.request("PUT", DenialsHandler.PATH, Map.of("denialId", id))
                .jsonBody(body).claims(claims));
    }

    private static TestResponse get(String route, Map<String, String> path, Map<String, String> query,
                                    Map<String, String> claims) {
        return TestStack.invoke(handler, Events.get(route, path).query(query).claims(claims));
    }

    private static TestResponse revoke(String id, String body, Map<String, String> claims) {
        return TestStack.invoke(handler, Events.request("POST", DenialsHandler.REVOKE_PATH, Map.of("denialId", id))
                .jsonBody(body).claims(claims));
    }

    @Test
    void aDenialIsCreatedReadAndTheSameContentAgainStoresNothing() {
        String body = Denials.notification("Orion Signal Trading LLC").toString();
        TestResponse created = put("DE-2026-001", body, ADMIN);
        assertEquals(201, created.status());
        assertEquals(1, created.body().get("version").asInt());
        assertEquals("VALID", created.body().get("status").asText());
        assertEquals("2029-01-15", created.body().get("reviewDue").asText(), "review due three years after notification");
        assertEquals("admin-1", created.body().get("changedBy").asText(), "the token's subject is recorded");
        TestResponse again = put("DE-2026-001", body, ADMIN);
        assertEquals(200, again.status());
        assertEquals(created.body(), again.body());
        TestResponse read = get(DenialsHandler.PATH, Map.of("denialId", "DE-2026-001"), Map.of(), OFFICER);
        assertEquals(200, read.status());
        assertEquals(created.body(), read.body());
        assertEquals(1, versionItems("DE-2026-001"));
    }

    @Test
    void anAmendmentKeepsTheEarlierVersion() {
        ObjectNode d = Denials.notification("Kestrel Optics Ltd");
        put("DE-2026-002", d.toString(), ADMIN);
        d.putArray("controlListEntries").add("5A001.f");
        TestResponse amended = put("DE-2026-002", d.toString(), ADMIN);
        assertEquals(200, amended.status());
        assertEquals(2, amended.body().get("version").asInt());
        TestResponse versions = get(DenialsHandler.VERSIONS_PATH, Map.of("denialId", "DE-2026-002"), Map.of(), ADMIN);
        assertEquals(2, versions.body().get("items").size());
        assertEquals("5A001.j", versions.body().get("items").get(0).get("controlListEntries").get(0).asText());
        assertEquals("5A001.f", versions.body().get("items").get(1).get("controlListEntries").get(0).asText());
    }

    @Test
    void revokingKeepsTheDenialAsRevokedAndNeedsAReason() {
        put("DE-2026-003", Denials.notification("Vantor Systems GmbH").toString(), ADMIN);
        assertEquals(400, revoke("DE-2026-003", "{}", ADMIN).status());
        TestResponse revoked = revoke("DE-2026-003", "{\"reason\":\"Reviewed after three years.\"}", ADMIN);
        assertEquals(200, revoked.status());
        assertEquals("REVOKED", revoked.body().get("status").asText());
        assertEquals(2, revoked.body().get("version").asInt());
        TestResponse again = revoke("DE-2026-003", "{\"reason\":\"Again.\"}", ADMIN);
        assertEquals(2, again.body().get("version").asInt(), "revoking a revoked denial stores nothing");
        assertEquals(404, revoke("DE-NONE", "{\"reason\":\"x\"}", ADMIN).status());
    }

    @Test
    void theListFiltersByStatusAndNotifyingStateAndPages() {
        TestStack own = TestStack.withDenials();
        DenialsHandler h = new DenialsHandler(own.components());
        for (int i = 0; i < 5; i++) {
            ObjectNode d = Denials.notification("Firm " + i);
            d.put("notifyingState", i % 2 == 0 ? "DE" : "FR");
            TestStack.invoke(h, Events.request("PUT", DenialsHandler.PATH, Map.of("denialId", "L-" + i))
                    .jsonBody(d.toString()).claims(ADMIN));
        }
        TestStack.invoke(h, Events.request("POST", DenialsHandler.REVOKE_PATH, Map.of("denialId", "L-0"))
                .jsonBody("{\"reason\":\"Annulled.\"}").claims(ADMIN));
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            Map<String, String> q = cursor == null ? Map.of("limit", "2") : Map.of("limit", "2", "cursor", cursor);
            JsonNode page = TestStack.invoke(h, Events.get(DenialsHandler.LIST_PATH, Map.of()).query(q).claims(OFFICER)).body();
            page.get("items").forEach(i -> all.add(i.get("denialId").asText() + ":" + i.get("status").asText()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertEquals(List.of("L-2:VALID", "L-4:VALID", "L-1:VALID", "L-3:VALID", "L-0:REVOKED"), all,
                "valid first, by notifying state then id");
        JsonNode fr = TestStack.invoke(h, Events.get(DenialsHandler.LIST_PATH, Map.of())
                .query(Map.of("status", "VALID", "notifyingState", "FR")).claims(ADMIN)).body();
        assertEquals(2, fr.get("items").size());
        assertTrue(fr.get("nextCursor").isNull());
        assertEquals(400, TestStack.invoke(h, Events.get(DenialsHandler.LIST_PATH, Map.of())
                .query(Map.of("status", "LAPSED")).claims(ADMIN)).status());
    }

    @ParameterizedTest
    @CsvSource({"PUT,officer", "PUT,data-scientist", "POST,officer", "GET,data-scientist"})
    void rolesAreChecked(String method, String role) {
        Map<String, String> claims = Map.of("sub", "someone", "scope", "licence-risk/" + role);
        put("R-1", Denials.notification("Role Test Firm").toString(), ADMIN);
        TestResponse r = switch (method) {
            case "PUT" -> put("R-1", Denials.notification("Other").toString(), claims);
            case "POST" -> revoke("R-1", "{\"reason\":\"x\"}", claims);
            default -> get(DenialsHandler.PATH, Map.of("denialId", "R-1"), Map.of(), claims);
        };
        assertEquals(403, r.status());
        assertEquals("VALID", get(DenialsHandler.PATH, Map.of("denialId", "R-1"), Map.of(), ADMIN).body()
                .get("status").asText());
    }

    @Test
    void everyProblemOfABodyIsReportedAtOnceWithoutItsContent() {
        ObjectNode d = Denials.notification("Secret Party Name");
        d.put("source", "RUMOUR");
        d.put("notifyingState", "XX");
        d.put("notifiedOn", "15/01/2026");
        d.putArray("criteria").add("9").add("2").add("2");
        d.putArray("controlListEntries").add("not an entry");
        d.remove("itemDescription");
        d.put("destinationCountry", "eg");
        ((ObjectNode) d.get("parties").get(0)).put("role", "FRIEND").put("secret", "Secret Party Name");
        d.put("status", "LAPSED");
        d.put("colour", "blue");
        TestResponse r = put("BAD-1", d.toString(), ADMIN);
        assertEquals(400, r.status());
        List<String> fields = new ArrayList<>();
        r.body().get("problems").forEach(e -> fields.add(e.get("field").asText()));
        assertEquals(List.of("colour", "source", "notifyingState", "notifiedOn", "criteria[0]", "criteria[2]",
                "controlListEntries[0]", "itemDescription", "destinationCountry", "parties[0].secret",
                "parties[0].role", "status"), fields);
        assertFalse(r.body().toString().contains("Secret Party Name"));
        assertFalse(stack.logs().contains("Secret Party Name"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "parties|[]|parties",
            "parties|[{\"role\":\"END_USER\",\"country\":\"EG\"}]|parties[0].name",
            "criteria|[]|criteria",
            "reviewDue|\"2025-01-01\"|reviewDue",
            "denialId|\"OTHER-ID\"|denialId",
            "controlListEntries|\"5A001.j\"|controlListEntries"})
    void eachFieldIsValidated(String field, String json, String problem) throws Exception {
        ObjectNode d = Denials.notification("Field Firm");
        d.set(field, org.licencerisk.model.json.Json.mapper().readTree(json));
        TestResponse r = put("F-1", d.toString(), ADMIN);
        assertEquals(400, r.status());
        assertEquals(problem, r.body().get("problems").get(0).get("field").asText());
    }

    @Test
    void aBadIdInThePathIsRefused() {
        assertEquals(400, put("bad id!", Denials.notification("X").toString(), ADMIN).status());
        assertNull(stack.denialItems().stream().filter(i -> i.get("denialId").s().equals("bad id!")).findFirst()
                .orElse(null));
    }

    private static long versionItems(String id) {
        return stack.denialItems().stream().filter(i -> i.get("denialId").s().equals(id)
                && i.get("sk").s().startsWith("V#")).count();
    }
}
