package org.licencerisk.console;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.licencerisk.functions.testing.LocalTokens;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The officers' console in chromium over the local API server (local authentication on): the officer's journey by
 * keyboard alone, errors and conflicts explained, roles as the API grants them, accessibility (axe-core, WCAG 2.2 AA),
 * reflow at 320 px, and a screenshot of every page at 1280 px under {@code target/console-screenshots/}.
 */
class ConsoleBrowserTest {

    static final Path SCREENSHOTS = Path.of("target/console-screenshots");
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    private static Chromium chromium;
    private static ConsoleStack stack;
    private BrowserContext context;
    private Page page;
    private final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void launch() throws Exception {
        chromium = new Chromium();
        Files.createDirectories(SCREENSHOTS);
        stack = ConsoleStack.start(14);
    }

    @AfterAll
    static void quit() {
        stack.close();
        chromium.close();
    }

    @BeforeEach
    void open() {
        context = chromium.browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        page = context.newPage();
        page.onConsoleMessage(m -> {
            // The browser reports the API's refusals (a 403 the page explains, a 409) as failed loads: not errors here.
            if (m.type().equals("error") && !m.text().startsWith("Failed to load resource")) {
                consoleErrors.add(m.text());
            }
        });
        page.onPageError(e -> consoleErrors.add(e));
        page.onResponse(r -> {
            if (r.url().contains("/console/") && r.status() >= 400) {
                consoleErrors.add(r.status() + " for " + r.url());
            }
        });
    }

    @AfterEach
    void close() {
        context.close();
        assertEquals(List.of(), consoleErrors, "no script error and no Content-Security-Policy violation in the browser");
    }

    /** Waits until the console has rendered page {@code name} (it sets body[data-page] when done). */
    static void rendered(Page page, String name) {
        page.waitForSelector("body[data-page=\"" + name + "\"]");
    }

    private void signIn(String subject) {
        page.navigate(stack.console());
        rendered(page, "sign-in");
        page.getByLabel(subject).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
    }

    private String focused() {
        return (String) page.evaluate("() => { const e = document.activeElement; return e ? (e.id || e.textContent.trim()) : ''; }");
    }

    @Test
    void anOfficerGoesFromTheQueueToADecisionAndOnToTheNextCaseByKeyboardAlone() throws Exception {
        List<String> queue = stack.queue();
        page.navigate(stack.console());
        rendered(page, "sign-in");
        // The first identity has the focus: choose it and sign in.
        page.keyboard().press("Space");
        page.keyboard().press("Tab");
        page.keyboard().press("Enter");
        rendered(page, "queue");
        String first = queue.get(0);
        for (int i = 0; i < 15 && !focused().equals(first); i++) {
            page.keyboard().press("Tab");
        }
        assertEquals(first, focused(), "the riskiest case's link is reached with Tab");
        page.keyboard().press("Enter");
        rendered(page, "case");
        assertEquals(first, page.locator("h1").textContent());
        page.keyboard().press("Tab");
        assertEquals("Go to the decision", focused());
        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        assertEquals("outcome-APPROVED", focused());
        page.keyboard().press("ArrowDown");
        page.keyboard().press("ArrowDown");
        assertTrue(page.getByLabel("Refuse", new Page.GetByLabelOptions().setExact(true)).isChecked());
        // The criteria of the red flags are ticked already; Tab through them to the rationale.
        for (int i = 0; i < 25 && !focused().equals("rationale"); i++) {
            page.keyboard().press("Tab");
        }
        assertEquals("rationale", focused());
        page.keyboard().type("Clear risk of use for internal repression by the end user.");

        int actions = 0;
        page.keyboard().press("Tab");
        actions++;
        assertEquals("record-decision", focused());
        page.keyboard().press("Enter");
        actions++;
        page.waitForFunction("id => document.body.dataset.page === 'case' && document.querySelector('h1').textContent !== id", first);
        assertTrue(actions <= 6, "at most six keyboard actions after typing the rationale");

        String next = page.locator("h1").textContent();
        assertEquals(queue.get(1), next, "the next case is the next riskiest of the queue");
        assertTrue(page.getByRole(AriaRole.ALERT).textContent().contains("Decision recorded for " + first + ": refuse."));
        assertFalse(stack.queue().contains(first), "the decided application left the queue");
        HttpResponse<String> same = stack.send("PUT", "/v1/applications/" + first + "/decision",
                "{\"outcome\":\"REFUSED\",\"criteria\":" + criteriaOf(first) + ",\"rationale\":\"Clear risk of use for internal repression by the end user.\"}",
                ConsoleStack.bearer("officer-7", LocalTokens.OFFICER));
        assertEquals(200, same.statusCode(), "the decision was recorded as the officer made it: " + same.body());
        assertEquals("officer-7", org.licencerisk.model.json.Json.mapper().readTree(same.body()).path("decidedBy").asText(),
                "recorded as the signed-in officer's");
    }

    /** The criteria the decision form ticks for an application: those of its red flags, in the API's order. */
    private String criteriaOf(String applicationId) {
        HttpResponse<String> r = stack.send("GET", "/v1/applications/" + applicationId + "/scores/latest", null,
                ConsoleStack.bearer("officer-7", LocalTokens.OFFICER));
        List<String> order = List.of("1", "2", "3", "4", "5", "6", "7", "8", "ART5");
        try {
            var flags = org.licencerisk.model.json.Json.mapper().readTree(r.body()).path("redFlags");
            List<String> criteria = new ArrayList<>();
            flags.forEach(f -> criteria.add(f.path("criterion").asText()));
            return order.stream().filter(criteria::contains).map(c -> "\"" + c + "\"")
                    .collect(Collectors.joining(",", "[", "]"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aDecisionWithoutOutcomeOrRationaleIsRefusedWithAnErrorSummaryLinkedToTheFields() {
        signIn("officer-7");
        rendered(page, "queue");
        String first = stack.queue().get(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(first)).click();
        rendered(page, "case");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
        Locator summary = page.locator("#error-summary");
        assertTrue(summary.isVisible());
        assertEquals("error-summary", focused(), "the error summary takes the focus");
        assertTrue(summary.textContent().contains("Choose an outcome"));
        assertTrue(summary.textContent().contains("Enter the rationale for the decision"));
        summary.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Enter the rationale for the decision")).click();
        assertEquals("rationale", focused(), "each problem links to its field");
        assertTrue(page.locator("#rationale-error").isVisible());
        screenshot("case-errors");
        assertAccessible("case page with errors");
        assertTrue(stack.queue().contains(first), "nothing was recorded");
    }

    @Test
    void aDecisionRecordedMeanwhileByAnotherOfficerIsExplainedInWords() {
        signIn("officer-7");
        rendered(page, "queue");
        String first = stack.queue().get(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(first)).click();
        rendered(page, "case");
        HttpResponse<String> other = stack.send("PUT", "/v1/applications/" + first + "/decision",
                "{\"outcome\":\"APPROVED_WITH_CONDITIONS\",\"criteria\":[],\"rationale\":\"End-use checks agreed.\"}",
                ConsoleStack.bearer("officer-12", LocalTokens.OFFICER));
        assertEquals(201, other.statusCode(), other.body());

        page.getByLabel("Refuse", new Page.GetByLabelOptions().setExact(true)).check();
        page.getByLabel("Rationale").fill("Clear risk of diversion.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
        Locator summary = page.locator("#error-summary");
        summary.waitFor();
        assertTrue(summary.textContent().contains("Your decision was not recorded"));
        assertTrue(summary.textContent().contains("Someone recorded a different decision on this application while you were reading it"),
                summary.textContent());
        assertEquals("error-summary", focused());
        screenshot("case-conflict");
        assertAccessible("case page with a conflict");
    }

    @Test
    void everyPageIsAccessibleReflowsAt320PixelsAndIsPhotographedAt1280() {
        page.navigate(stack.console());
        rendered(page, "sign-in");
        checkPage("sign-in");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertTrue(page.getByText("Choose an identity to sign in as").isVisible(), "the sign-in page says what is missing");
        page.getByLabel("officer-7").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        rendered(page, "queue");
        checkPage("queue");
        String first = stack.queue().get(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(first)).click();
        rendered(page, "case");
        checkPage("case");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign out (officer-7)")).click();
        rendered(page, "sign-in");
        page.getByLabel("ds-ada").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        rendered(page, "models");
        checkPage("models");
        assertEquals(0, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Queue").setExact(true)).count(),
                "a data scientist is not offered the officers' queue");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign out (ds-ada)")).click();
        rendered(page, "sign-in");
        page.getByLabel("visitor").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        rendered(page, "error");
        assertEquals(0, page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Queue").setExact(true)).count(),
                "a token without the officer role is offered no queue");
        assertEquals("You do not have access to this page", page.locator("h1").textContent(),
                "the API's 403 for a token without the officer role, in words");
        checkPage("no-access");
    }

    /** axe-core, reflow at 320 px wide, every control labelled, and a full-page screenshot at 1280 px. */
    private void checkPage(String name) {
        assertAccessible(name);
        assertEverythingLabelled(name);
        screenshot(name);
        page.setViewportSize(320, 640);
        long overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
        assertEquals(0, overflow, name + ": no horizontal scrolling at 320 px wide (WCAG 1.4.10 reflow)");
        screenshot(name + "-320");
        page.setViewportSize(1280, 900);
    }

    private void assertAccessible(String name) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG).analyze();
        List<String> violations = new ArrayList<>();
        for (Rule r : results.getViolations()) {
            violations.add(r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at "
                    + r.getNodes().stream().map(n -> n.getTarget().toString()).collect(Collectors.joining(", ")));
        }
        assertEquals(List.of(), violations, name + ": no WCAG 2.2 A/AA violation");
    }

    /** Every input, select, textarea and button has a label a sighted user sees. */
    private void assertEverythingLabelled(String name) {
        Object unlabelled = page.evaluate("() => [...document.querySelectorAll('input, select, textarea, button')].filter(c => {"
                + " if (c.tagName === 'BUTTON') return !c.textContent.trim();"
                + " const l = c.id && document.querySelector(`label[for=\"${c.id}\"]`);"
                + " return !l || !l.textContent.trim() || l.getBoundingClientRect().width === 0; }).map(c => c.id || c.name)");
        assertEquals(List.of(), unlabelled, name + ": every control has a visible label");
    }

    private void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /**
     * How long the queue and the case take to render after a navigation inside the console (API calls included),
     * over repeated navigations: written to target/console-render-times.txt for BENCHMARKS.md, not asserted.
     */
    @Test
    void theQueueAndCaseRecordHowLongTheyTakeToRender() throws Exception {
        signIn("officer-7");
        rendered(page, "queue");
        double firstLoad = ((Number) page.evaluate("() => performance.getEntriesByName('ready:queue')[0].startTime")).doubleValue();
        String first = stack.queue().get(0);
        int rounds = 15;
        for (int i = 0; i < rounds; i++) {
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(first).setExact(true)).click();
            rendered(page, "case");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Queue").setExact(true)).click();
            rendered(page, "queue");
        }
        List<Double> queue = measures("render:queue");
        List<Double> kase = measures("render:case");
        assertEquals(rounds, kase.size(), "every case render is measured");
        assertTrue(queue.size() > rounds, "every queue render is measured");
        String report = String.format(java.util.Locale.ROOT,
                "console render after navigation (ms, %d rounds, %d applications, chromium headless, %d cores, load %.1f)%n"
                        + "queue: median %.0f, p90 %.0f, max %.0f%ncase: median %.0f, p90 %.0f, max %.0f%n"
                        + "first load to rendered queue (sign-in, module load, config, API): %.0f%n",
                rounds, stack.queue().size(), Runtime.getRuntime().availableProcessors(),
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                quantile(queue, 0.5), quantile(queue, 0.9), quantile(queue, 1), quantile(kase, 0.5), quantile(kase, 0.9),
                quantile(kase, 1), firstLoad);
        Files.writeString(Path.of("target/console-render-times.txt"), report);
        System.out.print(report);
    }

    private List<Double> measures(String name) {
        List<?> values = (List<?>) page.evaluate("n => performance.getEntriesByName(n).map(m => m.duration)", name);
        return values.stream().map(v -> ((Number) v).doubleValue()).sorted().toList();
    }

    private static double quantile(List<Double> sorted, double q) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }
}
