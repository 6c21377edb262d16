package org.licencerisk.functions.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.testing.Dynalite;
import org.licencerisk.functions.testing.TestStack;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local server serves the officers' console under /console/ with its security headers and config.json. */
class ConsoleFilesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Path SITE = Dynalite.repositoryRoot().resolve("console/site");
    private static LocalApiServer open;
    private static LocalApiServer secured;

    @BeforeAll
    static void setUp() throws IOException {
        TestStack stack = TestStack.withEnvironment(Map.of(ApiConfig.DYNAMODB_TIMEOUT_MS, "10000"));
        SamTemplate template = SamTemplate.read(Dynalite.repositoryRoot().resolve("template.yaml"));
        open = LocalApiServer.start(template, stack.components(), LocalAuth.from("off", "iss", "aud"), 0);
        open.serveConsole(SITE);
        secured = LocalApiServer.start(template, stack.components(), LocalAuth.from("on", "https://idp.test", "api"), 0);
        secured.serveConsole(SITE);
    }

    @AfterAll
    static void tearDown() {
        open.close();
        secured.close();
    }

    private static HttpResponse<String> get(LocalApiServer server, String path) throws Exception {
        return send(server, "GET", path);
    }

    private static HttpResponse<String> send(LocalApiServer server, String method, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageAndItsFilesAreServedWithAPolicyThatForbidsInlineCode() throws Exception {
        HttpResponse<String> page = get(open, "/console/");
        assertEquals(200, page.statusCode());
        assertEquals(Files.readString(SITE.resolve("index.html")), page.body());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && csp.contains("style-src 'self'"), csp);
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertFalse(page.body().contains("<script>") || page.body().contains("style=\""), "no inline script or style in the page");

        HttpResponse<String> module = get(open, "/console/js/app.js");
        assertEquals(200, module.statusCode());
        assertTrue(module.headers().firstValue("Content-Type").orElseThrow().startsWith("text/javascript"));
        assertEquals(200, get(open, "/console/vendor/govuk-frontend.min.css").statusCode());
        assertEquals(308, get(open, "/console").statusCode());
    }

    @Test
    void onlyFilesInsideTheSiteAreServedAndOnlyToGetAndHead() throws Exception {
        for (String path : new String[]{"/console/../pom.xml", "/console/%2e%2e/pom.xml", "/console/js/../../pom.xml",
                "/console/missing.html", "/console/js/", "/console/.hidden", "/console/js/app.js.map"}) {
            int status = get(open, path).statusCode();
            // An encoded dot segment is refused by the HTTP layer itself (400, an ambiguous path) before any file look-up.
            assertTrue(status == 404 || (status == 400 && path.contains("%2e")), path + " answered " + status);
        }
        assertEquals(405, send(open, "POST", "/console/index.html").statusCode());
        assertEquals(405, send(open, "DELETE", "/console/").statusCode());
        assertEquals(200, send(open, "HEAD", "/console/").statusCode());
        assertEquals(200, get(open, "/v1/models").statusCode(), "the API beside the console is unchanged");
    }

    @Test
    void configJsonOffersNoSignInWhenLocalAuthenticationIsOffAndLocalIdentitiesWhenItIsOn() throws Exception {
        HttpResponse<String> off = get(open, "/console/config.json");
        assertEquals("no-store", off.headers().firstValue("Cache-Control").orElseThrow());
        JsonNode none = Json.mapper().readTree(off.body());
        assertEquals("none", none.path("signIn").asText());
        assertEquals("", none.path("apiBase").asText("absent"), "the API on the same origin");
        assertEquals("licence-risk/officer", none.path("officerRole").asText());
        assertEquals("scope", none.path("roleClaim").asText(), "roles are the token's OAuth scopes");
        assertFalse(none.has("local"));

        JsonNode local = Json.mapper().readTree(get(secured, "/console/config.json").body());
        assertEquals("local", local.path("signIn").asText());
        assertEquals("https://idp.test", local.path("local").path("issuer").asText());
        assertEquals("api", local.path("local").path("audience").asText());
        assertEquals(ConsoleFiles.LOCAL_IDENTITIES.size(), local.path("local").path("identities").size());
        assertEquals("licence-risk/officer", local.path("local").path("identities").get(0).path("roles").get(0).asText());
    }

    @Test
    void aDirectoryWithoutTheConsoleIsRefusedWithASentence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> open.serveConsole(Dynalite.repositoryRoot().resolve("docs")));
        assertTrue(e.getMessage().endsWith("has no index.html."), e.getMessage());
    }
}
