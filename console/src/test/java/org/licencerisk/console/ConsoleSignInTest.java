package org.licencerisk.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.local.ConsoleFiles;
import org.licencerisk.functions.testing.Dynalite;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing in as in AWS: the authorization code flow with PKCE against an OpenID Connect provider (a stand-in), the
 * token kept out of every address, and the code gone from the address once it is exchanged.
 */
class ConsoleSignInTest {

    @Test
    void anOfficerSignsInWithTheAuthorizationCodeAndPkceAndNoTokenEverAppearsInAnAddress() throws Exception {
        try (OpenIdProvider provider = new OpenIdProvider("officer-31");
             ConsoleStack stack = ConsoleStack.start(2, server -> ConsoleFiles.withOpenIdConnect(
                     Dynalite.repositoryRoot().resolve("console/site"), server.config(), provider.authorizeUrl(),
                     provider.tokenUrl(), OpenIdProvider.CLIENT_ID));
             Chromium chromium = new Chromium()) {
            BrowserContext context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
            Page page = context.newPage();
            List<String> addresses = new ArrayList<>();
            page.onRequest(r -> addresses.add(r.url()));
            page.onFrameNavigated(f -> addresses.add(f.url()));

            page.navigate(stack.console());
            ConsoleBrowserTest.rendered(page, "sign-in");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with your authority account")).click();
            ConsoleBrowserTest.rendered(page, "queue");

            assertEquals(List.of("issued"), provider.tokenRequests, "one code exchanged, with the verifier of its challenge");
            Map<String, String> asked = provider.authorizations.get(0);
            assertEquals("code", asked.get("response_type"), "the authorization code flow, never the implicit one");
            assertEquals("S256", asked.get("code_challenge_method"));
            assertEquals(stack.console(), asked.get("redirect_uri"));
            assertTrue(asked.get("state").length() >= 16, "a state that ties the answer to this tab");
            assertEquals(stack.console() + "#/queue", page.url(), "the code is removed from the address once used");
            assertTrue(page.locator("nav").textContent().contains("Sign out (officer-31)"));
            String token = (String) page.evaluate("() => sessionStorage.getItem('licence-risk-console.token')");
            for (String address : addresses) {
                assertFalse(address.contains(token) || address.contains("access_token") || address.contains("id_token"),
                        "no token in " + address);
            }
            assertEquals(List.of("licence-risk-console.token"),
                    page.evaluate("() => Object.keys(sessionStorage).concat(Object.keys(localStorage))"),
                    "the browser keeps the token and nothing else");

            // A second answer with the same code (e.g. the back button) is refused by the provider, and the console
            // asks to sign in again instead of failing silently.
            String replay = addresses.stream().filter(a -> a.contains("code=")).findFirst().orElseThrow();
            page.evaluate("() => sessionStorage.clear()");
            page.navigate(replay);
            ConsoleBrowserTest.rendered(page, "sign-in");
            assertTrue(page.getByText("Sign in again").isVisible());
            context.close();
        }
    }
}
