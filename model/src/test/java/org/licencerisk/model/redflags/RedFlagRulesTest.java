package org.licencerisk.model.redflags;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.scoring.RedFlag;

import java.util.List;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedFlagRulesTest {

    private final RedFlagRules rules = new RedFlagRules(ReferenceData.shipped());

    private static ObjectNode lowRisk() {
        return org.licencerisk.model.testing.Fixtures.node("crypto-low-risk.json");
    }

    private List<RedFlag> flags(Consumer<ObjectNode> change) {
        ObjectNode node = lowRisk();
        change.accept(node);
        LicenceApplication application = new ApplicationParser().parse(node);
        return rules.evaluate(application);
    }

    @Test
    void aPlainCryptographyExportToALowRiskCountryRaisesNoFlag() {
        assertEquals(List.of(), flags(n -> { }));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "EMBARGOED_DESTINATION|1|embargo",
            "SANCTIONED_DESTINATION|1|sanctions",
            "SURVEILLANCE_FOR_SECURITY_END_USER|2|surveillance",
            "CATCH_ALL_CYBER_SURVEILLANCE|ART5|catch-all",
            "MISSING_END_USER_STATEMENT|7|statement",
            "THIRD_COUNTRY_INTERMEDIARY|7|intermediary",
            "VAGUE_END_USE|7|vague",
            "END_USER_OUTSIDE_DESTINATION|7|end-user country",
            "DISPROPORTIONATE_ORDER|8|disproportionate",
            "GLOBAL_LICENCE_WITHOUT_ICP|7|global"})
    void eachRuleFiresOnItsOwnSignWithItsCriterion(String code, String criterion, String change) {
        List<RedFlag> flags = flags(n -> apply(n, change));
        RedFlag flag = flags.stream().filter(f -> f.code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError(code + " did not fire: " + flags));
        assertEquals(criterion, flag.criterion());
        assertTrue(flag.sentence().endsWith("."), flag.sentence());
    }

    private static void apply(ObjectNode n, String change) {
        ObjectNode item = (ObjectNode) n.get("items").get(0);
        ObjectNode endUser = (ObjectNode) n.get("endUser");
        switch (change) {
            case "embargo" -> { n.put("destinationCountry", "CN"); endUser.put("country", "CN"); }
            case "sanctions" -> { n.put("destinationCountry", "RU"); endUser.put("country", "RU"); }
            case "surveillance" -> {
                item.put("controlListEntry", "5A001.j");
                endUser.put("type", "POLICE_OR_SECURITY");
                n.put("destinationCountry", "EG");
                endUser.put("country", "EG");
            }
            case "catch-all" -> { item.remove("controlListEntry"); n.put("catchAll", true); }
            case "statement" -> n.put("endUserStatementProvided", false);
            case "intermediary" -> n.set("intermediaries", Json.mapper().createArrayNode()
                    .add(Json.mapper().createObjectNode().put("role", "BROKER").put("country", "AE")));
            case "vague" -> n.put("endUse", "General purpose");
            case "end-user country" -> endUser.put("country", "KR");
            case "disproportionate" -> { endUser.put("type", "INDIVIDUAL"); item.put("valueEur", 250_000); }
            case "global" -> {
                n.put("licenceType", "GLOBAL");
                ((ObjectNode) n.get("exporter")).put("hasComplianceProgramme", false);
            }
            default -> throw new IllegalArgumentException(change);
        }
    }

    @Test
    void surveillanceItemsForACommercialEndUserDoNotRaiseTheSecurityFlag() {
        List<RedFlag> flags = flags(n -> {
            ((ObjectNode) n.get("items").get(0)).put("controlListEntry", "5A001.j");
            n.put("destinationCountry", "EG");
            ((ObjectNode) n.get("endUser")).put("country", "EG");
        });
        assertFalse(flags.stream().anyMatch(f -> f.code().equals(RedFlagRules.SURVEILLANCE_FOR_SECURITY_END_USER)), flags.toString());
    }

    @Test
    void anIntermediaryInTheDestinationIsNotAThirdCountry() {
        List<RedFlag> flags = flags(n -> n.set("intermediaries", Json.mapper().createArrayNode()
                .add(Json.mapper().createObjectNode().put("role", "AGENT").put("country", "JP"))));
        assertEquals(List.of(), flags);
    }

    @Test
    void flagsNeverQuoteConfidentialText() {
        List<RedFlag> flags = flags(n -> {
            n.put("endUse", "General purpose");
            ((ObjectNode) n.get("endUser")).put("name", "Unit 8200 Procurement");
            n.put("endUserStatementProvided", false);
        });
        assertFalse(flags.isEmpty());
        for (RedFlag f : flags) {
            assertFalse(f.sentence().contains("General purpose") || f.sentence().contains("Unit 8200"), f.sentence());
        }
    }
}
