package org.licencerisk.model.application;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationParserTest {

    private final ApplicationParser parser = new ApplicationParser();

    static ObjectNode sample(String name) {
        return org.licencerisk.model.testing.Fixtures.node(name);
    }

    private List<FieldProblem> problems(Consumer<ObjectNode> change) {
        ObjectNode node = sample("surveillance-high-risk.json");
        change.accept(node);
        InvalidApplicationException e = assertThrows(InvalidApplicationException.class, () -> parser.parse(node));
        return e.problems();
    }

    private static FieldProblem problemAt(List<FieldProblem> problems, String field) {
        return problems.stream().filter(p -> p.field().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("No problem at " + field + " in " + problems));
    }

    @Test
    void parsesEveryFieldOfAValidApplication() {
        LicenceApplication a = parser.parse(sample("surveillance-high-risk.json"));
        assertEquals("NL-2026-000123", a.applicationId());
        assertEquals(Instant.parse("2026-03-02T09:30:00Z"), a.submittedAt());
        assertEquals(LicenceType.INDIVIDUAL, a.licenceType());
        assertEquals("NL", a.exporter().country());
        assertFalse(a.exporter().hasComplianceProgramme());
        assertEquals(2, a.items().size());
        assertEquals("5A001.j", a.items().get(0).controlListEntry());
        assertEquals(1_850_000.0, a.items().get(0).valueEur());
        assertEquals("EG", a.destinationCountry());
        assertEquals(EndUserType.POLICE_OR_SECURITY, a.endUser().type());
        assertEquals("EG", a.consignee().country());
        assertEquals(List.of(new Intermediary(IntermediaryRole.BROKER, "AE")), a.intermediaries());
        assertFalse(a.endUserStatementProvided());
        assertFalse(a.catchAll());
    }

    @Test
    void anIntermediaryMayBeNamedAndTheNameIsValidated() {
        ObjectNode node = sample("surveillance-high-risk.json");
        ((ObjectNode) node.get("intermediaries").get(0)).put("name", "Gulf Bridge Brokers FZE");
        assertEquals(new Intermediary(IntermediaryRole.BROKER, "AE", "Gulf Bridge Brokers FZE"),
                parser.parse(node).intermediaries().get(0));
        List<FieldProblem> blank = problems(n -> ((ObjectNode) n.get("intermediaries").get(0)).put("name", " "));
        assertEquals("Must not be empty.", problemAt(blank, "intermediaries[0].name").message());
        List<FieldProblem> long_ = problems(n -> ((ObjectNode) n.get("intermediaries").get(0)).put("name", "x".repeat(201)));
        assertNotNull(problemAt(long_, "intermediaries[0].name"));
        List<FieldProblem> number = problems(n -> ((ObjectNode) n.get("intermediaries").get(0)).put("name", 7));
        assertEquals("Must be a string.", problemAt(number, "intermediaries[0].name").message());
    }

    @Test
    void optionalFieldsMayBeAbsent() {
        ObjectNode node = sample("crypto-low-risk.json");
        node.remove("intermediaries");
        node.remove("consignee");
        ((ObjectNode) node.get("items").get(0)).remove("hsCode");
        LicenceApplication a = parser.parse(node);
        assertNull(a.consignee());
        assertTrue(a.intermediaries().isEmpty());
        assertNull(a.items().get(0).hsCode());
    }

    @Test
    void writesTheSameJsonItReads() throws IOException {
        LicenceApplication a = parser.parse(sample("surveillance-high-risk.json"));
        LicenceApplication again = parser.parse(Json.mapper().writeValueAsString(a));
        assertEquals(a, again);
    }

    @Test
    void reportsEveryProblemAtOnceWithFieldPaths() {
        List<FieldProblem> problems = problems(n -> {
            n.put("destinationCountry", "XX");
            ((ObjectNode) n.get("items").get(0)).put("quantity", 0);
            ((ObjectNode) n.get("items").get(1)).put("controlListEntry", "5A01");
            ((ObjectNode) n.get("endUser")).put("type", "SPY_AGENCY");
            n.put("endUse", "x".repeat(4001));
        });
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problemAt(problems, "destinationCountry").message().contains("ISO 3166-1"));
        assertTrue(problemAt(problems, "items[0].quantity").message().contains("greater than zero"));
        assertTrue(problemAt(problems, "items[1].controlListEntry").message().contains("well-formed"));
        assertTrue(problemAt(problems, "endUser.type").message().contains("POLICE_OR_SECURITY"));
        assertTrue(problemAt(problems, "endUse").message().contains("at most 4000"));
    }

    @Test
    void messagesNeverRepeatTheOffendingContent() {
        List<FieldProblem> problems = problems(n -> {
            ((ObjectNode) n.get("endUser")).put("type", "Secret Police Unit 7");
            n.put("destinationCountry", "Narnia");
        });
        for (FieldProblem p : problems) {
            assertFalse(p.message().contains("Secret") || p.message().contains("Narnia"), p.toString());
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "empty items|items",
            "missing exporter|exporter",
            "wrong type|items[0].valueEur",
            "negative value|items[0].valueEur",
            "huge value|items[0].valueEur",
            "bad id|applicationId",
            "long id|applicationId",
            "bad instant|submittedAt",
            "unknown licence type|licenceType",
            "unknown field|surprise",
            "bad intermediary role|intermediaries[0].role",
            "boolean as string|catchAll",
            "control characters|endUser.name",
            "no entry outside catch-all|items[0].controlListEntry",
            "bad hs code|items[0].hsCode",
            "lower-case country|exporter.country"})
    void rejectsBadInputNamingTheField(String change, String field) {
        List<FieldProblem> problems = problems(n -> {
            ObjectNode item = (ObjectNode) n.get("items").get(0);
            switch (change) {
                case "empty items" -> n.set("items", Json.mapper().createArrayNode());
                case "missing exporter" -> n.remove("exporter");
                case "wrong type" -> item.put("valueEur", "a lot");
                case "negative value" -> item.put("valueEur", -1);
                case "huge value" -> item.put("valueEur", 1e300);
                case "bad id" -> n.put("applicationId", "NL 2026/1");
                case "long id" -> n.put("applicationId", "A".repeat(65));
                case "bad instant" -> n.put("submittedAt", "2 March 2026");
                case "unknown licence type" -> n.put("licenceType", "OPEN");
                case "unknown field" -> n.put("surprise", 1);
                case "bad intermediary role" -> ((ObjectNode) n.get("intermediaries").get(0)).put("role", "FRIEND");
                case "boolean as string" -> n.put("catchAll", "false");
                case "control characters" -> ((ObjectNode) n.get("endUser")).put("name", "Name\u0000with NUL");
                case "no entry outside catch-all" -> item.remove("controlListEntry");
                case "bad hs code" -> item.put("hsCode", "85-17");
                case "lower-case country" -> ((ObjectNode) n.get("exporter")).put("country", "nl");
                default -> throw new IllegalArgumentException(change);
            }
        });
        problemAt(problems, field);
    }

    @Test
    void rejectsMoreThanFiveHundredItems() {
        List<FieldProblem> problems = problems(n -> {
            ArrayNode items = Json.mapper().createArrayNode();
            for (int i = 0; i < ApplicationParser.MAX_ITEMS + 1; i++) {
                items.add(n.get("items").get(0).deepCopy());
            }
            n.set("items", items);
        });
        assertTrue(problemAt(problems, "items").message().contains("at most 500"));
    }

    @Test
    void acceptsAnUnlistedItemUnderTheCatchAll() {
        ObjectNode node = sample("surveillance-high-risk.json");
        ((ObjectNode) node.get("items").get(0)).remove("controlListEntry");
        node.put("catchAll", true);
        LicenceApplication a = parser.parse(node);
        assertNull(a.items().get(0).controlListEntry());
        assertTrue(a.catchAll());
    }

    @Test
    void rejectsTextThatIsNotJsonWithoutEchoingIt() {
        InvalidApplicationException e = assertThrows(InvalidApplicationException.class,
                () -> parser.parse("{\"applicationId\": \"secret-name\""));
        assertEquals("$", e.problems().get(0).field());
        assertFalse(e.problems().get(0).message().contains("secret-name"));
    }

    @Test
    void rejectsDuplicateKeys() {
        InvalidApplicationException e = assertThrows(InvalidApplicationException.class,
                () -> parser.parse("{\"applicationId\": \"a\", \"applicationId\": \"b\"}"));
        assertEquals("$", e.problems().get(0).field());
    }

    @Test
    void rejectsANonObjectBody() {
        InvalidApplicationException e = assertThrows(InvalidApplicationException.class, () -> parser.parse("[1, 2]"));
        assertEquals("$", e.problems().get(0).field());
    }

    @Test
    void jsonNestedBeyondTheParsersDepthLimitIsAnInvalidApplicationNotACrash() {
        String deep = "{\"applicationId\":" + "[".repeat(1500) + "]".repeat(1500) + "}";
        InvalidApplicationException e = assertThrows(InvalidApplicationException.class,
                () -> new ApplicationParser().parse(deep));
        assertEquals("$", e.problems().get(0).field());
        assertEquals("The body is not well-formed JSON.", e.problems().get(0).message());
    }

    @Test
    void aSubmissionTimeWithAnExpandedYearIsRefusedAsRfc3339RequiresFourDigits() {
        problemAt(problems(a -> a.put("submittedAt", "+999999999-12-31T23:59:59Z")), "submittedAt");
    }
}
