package org.licencerisk.model.data;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Hand-written decisions for the loader tests. */
final class DecisionFixtures {

    /** A valid API application: IP surveillance system to a police end user. */
    static final String APPLICATION = """
            {"applicationId": "NL-2024-000017", "submittedAt": "2024-02-01T09:30:00Z", "licenceType": "INDIVIDUAL",
             "exporter": {"id": "EX-1", "name": "Example Networks B.V.", "country": "NL", "hasComplianceProgramme": true},
             "items": [{"controlListEntry": "5A001.j", "description": "IP monitoring appliance", "hsCode": "85176200",
                        "quantity": 2, "valueEur": 480000.0},
                       {"controlListEntry": "5D002", "description": "Encryption software", "quantity": 10, "valueEur": 1200}],
             "destinationCountry": "EG",
             "endUser": {"name": "Example Police Directorate", "type": "POLICE_OR_SECURITY", "country": "EG"},
             "intermediaries": [{"role": "BROKER", "country": "AE"}],
             "endUse": "Lawful interception of IP traffic at the national monitoring centre in Cairo",
             "endUserStatementProvided": false, "catchAll": false}
            """;

    private DecisionFixtures() {
    }

    /** Returns the fixture application with another id. */
    static LicenceApplication application(String id) {
        ObjectNode node = applicationNode();
        node.put("applicationId", id);
        return new ApplicationParser().parse(node);
    }

    /** Returns the fixture application's JSON tree. */
    static ObjectNode applicationNode() {
        try {
            return (ObjectNode) Json.mapper().readTree(APPLICATION);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns one JSON Lines line: the fixture with an id, an outcome and a decision time. */
    static ObjectNode line(String id, String outcome, String decidedAt) {
        ObjectNode node = applicationNode();
        node.put("applicationId", id);
        node.put("outcome", outcome);
        node.put("decidedAt", decidedAt);
        return node;
    }

    static HistoricalApplication decision(String id, Outcome outcome, String decidedAt) {
        return new HistoricalApplication(application(id), outcome, Instant.parse(decidedAt));
    }

    /** Writes lines of text (each a JSON tree or raw text) to a file. */
    static Path write(Path file, List<?> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Object line : lines) {
            text.append(line instanceof ObjectNode n ? Json.mapper().writeValueAsString(n) : line).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
