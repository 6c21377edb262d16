package org.licencerisk.functions.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Dynalite;
import org.licencerisk.functions.testing.OpenApi;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.json.Json;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shadow routes over real HTTP through the local server, which routes them from the template. */
class LocalShadowRoutesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> send(LocalApiServer server, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shadowAndComparisonRoutesAnswerWithoutABodyAndTheLocalEnvironmentNamesTheShadowTable() throws Exception {
        SamTemplate template = SamTemplate.read(Dynalite.repositoryRoot().resolve("template.yaml"));
        Map<String, String> env = LocalApiServer.environment(template, Map.of("dynamodb-endpoint", "http://127.0.0.1:1",
                "model-dir", "/tmp/model"));
        assertEquals("local-ShadowScoresTable", env.get(ApiConfig.SHADOW_SCORES_TABLE));

        TestStack stack = TestStack.create();
        String champion = TestModel.scorer().manifest().modelVersion();
        try (LocalApiServer server = LocalApiServer.start(template, stack.components(), LocalAuth.from("off", "i", "a"), 0)) {
            HttpResponse<String> scored = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/v1/scores")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(Applications.variant("L-SH-1", 1).toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(201, scored.statusCode(), "the start-up made the served model the first champion");

            HttpResponse<String> put = send(server, "PUT", "/v1/models/" + champion + "/shadow");
            assertEquals(409, put.statusCode(), put.body());
            assertTrue(put.body().contains("is the champion"));
            HttpResponse<String> delete = send(server, "DELETE", "/v1/models/" + champion + "/shadow");
            assertEquals(409, delete.statusCode(), delete.body());
            OpenApi.assertValid("Problem", Json.mapper().readTree(delete.body()));
            HttpResponse<String> post = send(server, "POST", "/v1/models/" + champion + "/shadow");
            assertEquals(405, post.statusCode());
            assertEquals("DELETE, PUT", post.headers().firstValue("Allow").orElseThrow());

            HttpResponse<String> comparison = send(server, "GET", "/v1/models/" + champion + "/comparison?baseline="
                    + champion);
            assertEquals(400, comparison.statusCode(), "a model against itself");
            JsonNode problem = Json.mapper().readTree(comparison.body());
            assertEquals("baseline", problem.get("problems").get(0).get("field").asText());
        }
    }
}
