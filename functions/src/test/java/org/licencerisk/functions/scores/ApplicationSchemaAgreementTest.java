package org.licencerisk.functions.scores;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.InvalidApplicationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What licensing systems read in {@code openapi.yaml} ({@code LicenceApplication}, the body of {@code POST /v1/scores})
 * and what the API accepts ({@link ApplicationParser}) agree: on a corpus of valid applications and of single-field
 * breaks of them, the schema and the parser both accept or both refuse. The few rules a JSON schema cannot state
 * (a country must be one the reference data knows) are listed here, and the test holds that only the parser applies
 * them.
 */
class ApplicationSchemaAgreementTest {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final ApplicationParser parser = new ApplicationParser();

    private boolean parserAccepts(JsonNode application) {
        try {
            parser.parse(application);
            return true;
        } catch (InvalidApplicationException e) {
            return false;
        }
    }

    private static boolean schemaAccepts(JsonNode application) {
        return OpenApi.isValid("LicenceApplication", application);
    }

    /** Valid applications: the samples, variants of them, and each optional part absent, null or at its limit. */
    private static Map<String, JsonNode> valid() {
        Map<String, JsonNode> corpus = new LinkedHashMap<>();
        corpus.put("surveillance sample", Applications.surveillance());
        corpus.put("crypto sample", Applications.crypto());
        for (int n = 0; n < 22; n++) {
            corpus.put("variant " + n, Applications.variant("NL-2026-AG" + n, n));
        }
        corpus.put("no consignee", change(a -> a.remove("consignee")));
        corpus.put("no intermediaries", change(a -> a.remove("intermediaries")));
        corpus.put("no hsCode", change(a -> item(a).remove("hsCode")));
        corpus.put("catch-all without control list entry", change(a -> {
            a.put("catchAll", true);
            item(a).remove("controlListEntry");
        }));
        corpus.put("value zero", change(a -> item(a).put("valueEur", 0)));
        corpus.put("fractional quantity", change(a -> item(a).put("quantity", 0.5)));
        corpus.put("value at the maximum", change(a -> item(a).put("valueEur", 1e12)));
        corpus.put("quantity at the maximum", change(a -> item(a).put("quantity", 1e12)));
        corpus.put("id of 64 characters", change(a -> a.put("applicationId", "A".repeat(64))));
        corpus.put("id with every allowed sign", change(a -> a.put("applicationId", "NL-2026_0.1:a")));
        corpus.put("exporter name of 200 characters", change(a -> exporter(a).put("name", "n".repeat(200))));
        corpus.put("description of 1000 characters", change(a -> item(a).put("description", "d".repeat(1000))));
        corpus.put("end use of 4000 characters", change(a -> a.put("endUse", "e".repeat(4000))));
        corpus.put("end use over lines", change(a -> a.put("endUse", "First line.\nSecond line.\tTabbed.")));
        corpus.put("500 goods lines", change(a -> goodsLines(a, 500)));
        corpus.put("50 intermediaries", change(a -> intermediaries(a, 50)));
        corpus.put("HS code of 10 digits", change(a -> item(a).put("hsCode", "8471700000")));
        corpus.put("HS code of 4 digits", change(a -> item(a).put("hsCode", "8471")));
        corpus.put("GLOBAL licence", change(a -> a.put("licenceType", "GLOBAL")));
        corpus.put("consignee null", change(a -> a.putNull("consignee")));
        corpus.put("intermediaries null", change(a -> a.putNull("intermediaries")));
        corpus.put("hsCode null", change(a -> item(a).putNull("hsCode")));
        corpus.put("catch-all with a null control list entry", change(a -> {
            a.put("catchAll", true);
            item(a).putNull("controlListEntry");
        }));
        corpus.put("submitted with fractions of a second", change(a -> a.put("submittedAt", "2026-03-02T10:00:00.123Z")));
        return corpus;
    }

    /** Each breaks one rule of a valid application. */
    private static Map<String, JsonNode> invalid() {
        Map<String, JsonNode> corpus = new LinkedHashMap<>();
        for (String field : List.of("applicationId", "submittedAt", "licenceType", "exporter", "items",
                "destinationCountry", "endUser", "endUse", "endUserStatementProvided", "catchAll")) {
            corpus.put("no " + field, change(a -> a.remove(field)));
            corpus.put(field + " null", change(a -> a.putNull(field)));
        }
        for (String field : List.of("id", "name", "country", "hasComplianceProgramme")) {
            corpus.put("no exporter." + field, change(a -> exporter(a).remove(field)));
        }
        for (String field : List.of("description", "quantity", "valueEur")) {
            corpus.put("no items[0]." + field, change(a -> item(a).remove(field)));
        }
        for (String field : List.of("name", "type", "country")) {
            corpus.put("no endUser." + field, change(a -> endUser(a).remove(field)));
        }
        corpus.put("unknown field", change(a -> a.put("remarks", "none")));
        corpus.put("unknown exporter field", change(a -> exporter(a).put("vat", "NL1")));
        corpus.put("unknown item field", change(a -> item(a).put("weightKg", 3)));
        corpus.put("unknown end-user field", change(a -> endUser(a).put("website", "x")));
        corpus.put("top-level array", JSON.arrayNode().add(Applications.crypto()));
        corpus.put("top-level string", JSON.textNode("application"));
        corpus.put("id with a slash", change(a -> a.put("applicationId", "NL/2026")));
        corpus.put("id of 65 characters", change(a -> a.put("applicationId", "A".repeat(65))));
        corpus.put("empty id", change(a -> a.put("applicationId", "")));
        corpus.put("id as a number", change(a -> a.put("applicationId", 123)));
        corpus.put("submittedAt as a number", change(a -> a.put("submittedAt", 20260301)));
        corpus.put("unknown licence type", change(a -> a.put("licenceType", "OPEN")));
        corpus.put("licence type in lower case", change(a -> a.put("licenceType", "individual")));
        corpus.put("exporter as an array", change(a -> a.putArray("exporter")));
        corpus.put("exporter name of 201 characters", change(a -> exporter(a).put("name", "n".repeat(201))));
        corpus.put("exporter id of 65 characters", change(a -> exporter(a).put("id", "i".repeat(65))));
        corpus.put("compliance programme as text", change(a -> exporter(a).put("hasComplianceProgramme", "yes")));
        corpus.put("country in lower case", change(a -> exporter(a).put("country", "nl")));
        corpus.put("country of three letters", change(a -> a.put("destinationCountry", "NLD")));
        corpus.put("no goods lines", change(a -> a.putArray("items")));
        corpus.put("items as an object", change(a -> a.putObject("items")));
        corpus.put("501 goods lines", change(a -> goodsLines(a, 501)));
        corpus.put("goods line as a string", change(a -> ((ArrayNode) a.get("items")).set(0, JSON.textNode("5A002"))));
        corpus.put("description of 1001 characters", change(a -> item(a).put("description", "d".repeat(1001))));
        corpus.put("HS code with letters", change(a -> item(a).put("hsCode", "84AB70")));
        corpus.put("HS code of 3 digits", change(a -> item(a).put("hsCode", "847")));
        corpus.put("HS code of 11 digits", change(a -> item(a).put("hsCode", "84717000001")));
        corpus.put("quantity zero", change(a -> item(a).put("quantity", 0)));
        corpus.put("quantity negative", change(a -> item(a).put("quantity", -2)));
        corpus.put("quantity as text", change(a -> item(a).put("quantity", "200")));
        corpus.put("value negative", change(a -> item(a).put("valueEur", -0.01)));
        corpus.put("value as text", change(a -> item(a).put("valueEur", "64000")));
        corpus.put("unknown end-user type", change(a -> endUser(a).put("type", "NGO")));
        corpus.put("end-user name of 201 characters", change(a -> endUser(a).put("name", "n".repeat(201))));
        corpus.put("consignee without country", change(a -> a.putObject("consignee").put("name", "Forwarder")));
        corpus.put("intermediaries as an object", change(a -> a.putObject("intermediaries")));
        corpus.put("51 intermediaries", change(a -> intermediaries(a, 51)));
        corpus.put("unknown intermediary role", change(a -> a.putArray("intermediaries").addObject()
                .put("role", "CARRIER").put("country", "DE")));
        corpus.put("intermediary without role", change(a -> a.putArray("intermediaries").addObject()
                .put("country", "DE")));
        corpus.put("end use of 4001 characters", change(a -> a.put("endUse", "e".repeat(4001))));
        corpus.put("statement as text", change(a -> a.put("endUserStatementProvided", "true")));
        corpus.put("catch-all as a number", change(a -> a.put("catchAll", 0)));
        corpus.put("no control list entry without the catch-all", change(a -> item(a).remove("controlListEntry")));
        corpus.put("malformed control list entry", change(a -> item(a).put("controlListEntry", "5X999")));
        corpus.put("control list entry of 25 characters", change(a -> item(a).put("controlListEntry",
                "5A001" + ".a".repeat(10))));
        corpus.put("empty exporter name", change(a -> exporter(a).put("name", "")));
        corpus.put("blank end use", change(a -> a.put("endUse", "   ")));
        corpus.put("control character in a description", change(a -> item(a).put("description", "Units\u0007")));
        corpus.put("value over the maximum", change(a -> item(a).put("valueEur", 1e13)));
        corpus.put("quantity over the maximum", change(a -> item(a).put("quantity", 1e13)));
        corpus.put("submittedAt not a time", change(a -> a.put("submittedAt", "yesterday")));
        corpus.put("submittedAt a date only", change(a -> a.put("submittedAt", "2026-03-02")));
        corpus.put("submittedAt on 30 February", change(a -> a.put("submittedAt", "2026-02-30T10:00:00Z")));
        return corpus;
    }

    @Test
    void theSchemaAndTheParserAcceptTheSameValidApplications() {
        List<String> disagreements = new ArrayList<>();
        valid().forEach((name, application) -> {
            if (!parserAccepts(application) || !schemaAccepts(application)) {
                disagreements.add(name + " (parser " + parserAccepts(application) + ", schema "
                        + schemaAccepts(application) + ")");
            }
        });
        assertEquals(List.of(), disagreements, "valid applications that one of them refuses");
    }

    @Test
    void theSchemaAndTheParserRefuseTheSameInvalidApplications() {
        List<String> disagreements = new ArrayList<>();
        invalid().forEach((name, application) -> {
            if (parserAccepts(application) || schemaAccepts(application)) {
                disagreements.add(name + " (parser " + parserAccepts(application) + ", schema "
                        + schemaAccepts(application) + ")");
            }
        });
        assertEquals(List.of(), disagreements, "invalid applications that one of them accepts");
    }

    @Test
    void onlyTheParserKnowsWhichCountriesExist() {
        JsonNode unknownCountry = change(a -> a.put("destinationCountry", "XX"));
        assertTrue(schemaAccepts(unknownCountry), "the schema states the form of a country code only");
        assertFalse(parserAccepts(unknownCountry), "the parser checks it against the reference data");
    }

    private static JsonNode change(Consumer<ObjectNode> edit) {
        ObjectNode a = Applications.crypto();
        edit.accept(a);
        return a;
    }

    /** Copies the first goods line until there are {@code n}. */
    private static void goodsLines(ObjectNode a, int n) {
        ArrayNode items = (ArrayNode) a.get("items");
        while (items.size() < n) {
            items.add(item(a).deepCopy());
        }
    }

    /** Replaces the intermediaries by {@code n} brokers. */
    private static void intermediaries(ObjectNode a, int n) {
        ArrayNode list = a.putArray("intermediaries");
        for (int i = 0; i < n; i++) {
            list.addObject().put("role", "BROKER").put("country", "DE");
        }
    }

    private static ObjectNode item(ObjectNode a) {
        return (ObjectNode) a.get("items").get(0);
    }

    private static ObjectNode exporter(ObjectNode a) {
        return (ObjectNode) a.get("exporter");
    }

    private static ObjectNode endUser(ObjectNode a) {
        return (ObjectNode) a.get("endUser");
    }
}
