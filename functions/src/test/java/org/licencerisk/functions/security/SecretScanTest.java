package org.licencerisk.functions.security;

import org.junit.jupiter.api.Test;
import org.licencerisk.functions.testing.Dynalite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No credential is committed: every file git tracks is scanned for the shapes of keys and tokens. */
class SecretScanTest {

    private static final Map<String, Pattern> SECRETS = Map.of(
            "AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}\\b"),
            "AWS secret access key", Pattern.compile(
                    "(?i)aws.{0,20}secret.{0,20}[=:]\\s*[\"']?[A-Za-z0-9/+]{40}\\b"),
            "private key", Pattern.compile("-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY"),
            "GitHub token", Pattern.compile("\\bgh[pousr]_[A-Za-z0-9]{36,}\\b"),
            "Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            "npm token", Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b"),
            "signed JWT", Pattern.compile("\\beyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{20,}"));

    @Test
    void noTrackedFileHoldsAKeyOrToken() throws Exception {
        Path root = Dynalite.repositoryRoot();
        List<String> files = trackedFiles(root);
        assertTrue(files.contains("template.yaml") && files.size() > 50, "git listed the repository: " + files.size());
        List<String> found = new ArrayList<>();
        for (String file : files) {
            Path p = root.resolve(file);
            if (!Files.isRegularFile(p) || Files.size(p) > 5_000_000) {
                continue;
            }
            String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
            SECRETS.forEach((kind, pattern) -> {
                if (pattern.matcher(text).find()) {
                    found.add(kind + " in " + file);
                }
            });
        }
        assertEquals(List.of(), found);
    }

    @Test
    void thePatternsFindWhatTheyLookFor() {
        String key = "AKIA" + "IOSFODNN7" + "EXAMPLE";
        assertTrue(SECRETS.get("AWS access key id").matcher("id = " + key).find());
        assertTrue(SECRETS.get("AWS secret access key").matcher("aws_secret_access_key = "
                + "wJalrXUtnFEMI/K7MDENG/bPxRfiCY" + "EXAMPLEKEY").find());
        assertTrue(SECRETS.get("private key").matcher("-----BEGIN " + "RSA PRIVATE KEY-----").find());
    }

    private static List<String> trackedFiles(Path root) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "ls-files", "-z").directory(root.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0, "git ls-files ran");
        List<String> files = new ArrayList<>();
        for (String f : out.split("\0")) {
            if (!f.isEmpty()) {
                files.add(f);
            }
        }
        return files;
    }
}
