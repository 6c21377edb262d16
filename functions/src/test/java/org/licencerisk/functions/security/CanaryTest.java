package org.licencerisk.functions.security;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.decisions.DecisionsHandler;
import org.licencerisk.functions.local.LocalApiServer;
import org.licencerisk.functions.local.LocalAuth;
import org.licencerisk.functions.local.SamTemplate;
import org.licencerisk.functions.queue.QueueHandler;
import org.licencerisk.functions.scores.ApplicationScoresHandler;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Dynalite;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.scoring.RiskScore;
import org.licencerisk.model.scoring.RiskScorer;
import org.licencerisk.functions.testing.TestModel;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A unique canary string in every confidential field (names, descriptions, end use, rationale, even an unknown field's
 * name) of valid and invalid applications and decisions, sent to the handlers and through the local server: neither
 * the structured logs nor anything written to stdout or stderr may contain it.
 */
class CanaryTest {

    private static final String CANARY = "CANARY" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void applicationContentNeverReachesTheLogs() throws Exception {
        TestStack stack = TestStack.create();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            exercise(stack);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String logs = stack.logs();
        assertTrue(logs.contains("\"event\":\"request\"") && logs.contains("C-CANARY-1"), "the requests were logged");
        assertFalse(logs.contains(CANARY), "the structured logs hold application content");
        assertFalse(console.toString(StandardCharsets.UTF_8).contains(CANARY), "stdout or stderr holds application content");
    }

    private static void exercise(TestStack stack) throws Exception {
        ScoresHandler scores = new ScoresHandler(stack.components());
        DecisionsHandler decisions = new DecisionsHandler(stack.components());
        List<String> bodies = List.of(
                canaried("C-CANARY-1", 1).toString(),
                canaried("C-CANARY-1", 1).toPrettyString(),
                canaried("C-CANARY-2", 2).put("destinationCountry", "XX").toString(),
                canaried("C-CANARY-3", 3).put(CANARY, "unknown field").toString(),
                canaried("C-CANARY-4", 4).put("endUse", CANARY + "\u0000").toString(),
                canaried("C-CANARY-5", 5).toString().replace("}", "") + CANARY,
                "{\"applicationId\":\"" + CANARY + "\"}");
        for (String body : bodies) {
            TestStack.invoke(scores, Events.request("POST", ScoresHandler.PATH, Map.of()).jsonBody(body));
        }
        for (String rationale : List.of(CANARY, CANARY + " again", CANARY + "\u0001")) {
            TestStack.invoke(decisions, Events.request("PUT", DecisionsHandler.PATH, Map.of("applicationId", "C-CANARY-1"))
                    .jsonBody(decision(rationale)));
        }
        TestStack.invoke(decisions, Events.request("PUT", DecisionsHandler.PATH, Map.of("applicationId", "C-CANARY-1"))
                .jsonBody("{\"outcome\":\"" + CANARY + "\",\"rationale\":\"" + CANARY + "\"}"));
        TestStack.invoke(new ApplicationScoresHandler(stack.components()),
                Events.get(ApplicationScoresHandler.LATEST, Map.of("applicationId", "C-CANARY-1")));
        TestStack.invoke(new QueueHandler(stack.components()), Events.get(QueueHandler.PATH, Map.of()));

        RiskScorer broken = new RiskScorer() {
            @Override
            public RiskScore score(LicenceApplication application) {
                throw new IllegalStateException("failed on " + application.endUse());
            }

            @Override
            public ModelManifest manifest() {
                return TestModel.scorer().manifest();
            }
        };
        TestStack failing = TestStack.create(broken);
        assertEquals(500, TestStack.invoke(new ScoresHandler(failing.components()), Events.request("POST",
                ScoresHandler.PATH, Map.of()).jsonBody(canaried("C-CANARY-9", 9).toString())).status());
        assertFalse(failing.logs().contains(CANARY), "an exception's message is not logged");

        SamTemplate template = SamTemplate.read(Dynalite.repositoryRoot().resolve("template.yaml"));
        try (LocalApiServer server = LocalApiServer.start(template, stack.components(), LocalAuth.from("off", "i", "a"), 0)) {
            HttpClient http = HttpClient.newHttpClient();
            for (String body : List.of(canaried("C-CANARY-6", 6).toString(), bodies.get(2), bodies.get(5))) {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/v1/scores"))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                        .build(), HttpResponse.BodyHandlers.ofString());
            }
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                            + "/v1/applications/C-CANARY-6/decision"))
                    .PUT(HttpRequest.BodyPublishers.ofString(decision(CANARY))).header("Content-Type", "application/json")
                    .build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A valid application whose every free-text field carries the canary. */
    private static ObjectNode canaried(String applicationId, int n) {
        ObjectNode a = Applications.variant(applicationId, n);
        ((ObjectNode) a.get("exporter")).put("name", "Exporter " + CANARY);
        ((ObjectNode) a.get("endUser")).put("name", "End user " + CANARY);
        if (a.has("consignee")) {
            ((ObjectNode) a.get("consignee")).put("name", "Consignee " + CANARY);
        }
        ((ObjectNode) a.get("items").get(0)).put("description", "Item " + CANARY);
        a.put("endUse", "For " + CANARY + " in the end user's own network operations centre");
        return a;
    }

    private static String decision(String rationale) {
        return Json.mapper().createObjectNode().put("outcome", "REFUSED").put("rationale", rationale)
                .put("revision", true).set("criteria", Json.mapper().createArrayNode().add("1"))
                .toString();
    }
}
