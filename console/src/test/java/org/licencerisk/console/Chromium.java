package org.licencerisk.console;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's chromium driven by Playwright for Java, headless, without Playwright's own browser download
 * ({@code scripts/test} installs {@code chromium} with apt when it is missing). One per test class.
 */
final class Chromium implements AutoCloseable {

    static final Path EXECUTABLE = Path.of(System.getProperty("console.chromium", "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;

    Chromium() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException(EXECUTABLE + " is missing: install it with 'apt-get install -y chromium' "
                    + "(scripts/test does).");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        List<String> args = new ArrayList<>(List.of("--disable-background-networking", "--disable-component-update",
                "--disable-default-apps", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--metrics-recording-only", "--disable-features=Translate,OptimizationHints,MediaRouter"));
        if ("root".equals(System.getProperty("user.name"))) {
            args.add("--no-sandbox");
        }
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
                .setHeadless(true).setArgs(args));
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
