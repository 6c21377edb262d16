package org.licencerisk.model.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.Item;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.features.ApplicationField;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.redflags.RedFlagRules;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.testing.Fixtures;
import org.licencerisk.model.testing.SyntheticData;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PseudonymiserTest {

    private static final byte[] KEY = key(1);
    private static final Pseudonymiser PSEUDONYMISER = new Pseudonymiser(KEY);
    private static final List<String> FIXTURES = List.of("surveillance-high-risk.json", "crypto-low-risk.json");

    @TempDir
    Path tmp;

    private static byte[] key(long seed) {
        byte[] key = new byte[Pseudonymiser.MIN_KEY_BYTES];
        new SplittableRandom(seed).nextBytes(key);
        return key;
    }

    private static List<LicenceApplication> applications() {
        List<LicenceApplication> all = new ArrayList<>();
        FIXTURES.forEach(f -> all.add(Fixtures.application(f)));
        SyntheticData.dataset(600).records().stream().map(DecisionRecord::application).forEach(all::add);
        return all;
    }

    /** The hash part of a pseudonym, after {@code pseu:<role>:}. */
    private static String hash(String pseudonym) {
        return pseudonym.substring(pseudonym.lastIndexOf(':') + 1);
    }

    @Test
    void theSameKeyGivesTheSamePseudonymEveryTime() {
        Pseudonymiser again = new Pseudonymiser(KEY.clone());
        String p = PSEUDONYMISER.pseudonym(PseudonymRole.END_USER, "Cairo Systems Trading");
        assertEquals(p, again.pseudonym(PseudonymRole.END_USER, "Cairo Systems Trading"));
        assertTrue(p.matches("pseu:eu:[0-9a-f]{32}"), p);
        LicenceApplication a = Fixtures.application("surveillance-high-risk.json");
        assertEquals(PSEUDONYMISER.pseudonymise(a), again.pseudonymise(a));
        assertEquals(PSEUDONYMISER.keyId(), again.keyId());
    }

    @Test
    void differentKeysGiveDifferentPseudonyms() {
        Pseudonymiser other = new Pseudonymiser(key(2));
        for (PseudonymRole role : PseudonymRole.values()) {
            assertNotEquals(PSEUDONYMISER.pseudonym(role, "Cairo Systems Trading"),
                    other.pseudonym(role, "Cairo Systems Trading"), role.name());
        }
        assertNotEquals(PSEUDONYMISER.keyId(), other.keyId());
    }

    @Test
    void whiteSpaceAndCaseVariantsOfAnIdentityLink() {
        String expected = PSEUDONYMISER.pseudonym(PseudonymRole.END_USER, "Cairo Systems Trading");
        for (String variant : List.of("  cairo systems trading ", "CAIRO\tSYSTEMS\n  TRADING", "Cairo\u00a0Systems Trading",
                "Ｃａｉｒｏ Systems Trading")) {
            assertEquals(expected, PSEUDONYMISER.pseudonym(PseudonymRole.END_USER, variant), variant);
        }
        assertNotEquals(expected, PSEUDONYMISER.pseudonym(PseudonymRole.END_USER, "Cairo Systems Trading Ltd"),
                "legal-form suffixes are deliberately not stripped");
        assertEquals("acme trading b.v.", Pseudonymiser.normalise("  ACME   Trading\u2003B.V. "));
    }

    @Test
    void endUsersAndConsigneesLinkButExportersStandApart() {
        String name = "Cairo Systems Trading";
        String endUser = PSEUDONYMISER.pseudonym(PseudonymRole.END_USER, name);
        String consignee = PSEUDONYMISER.pseudonym(PseudonymRole.CONSIGNEE, name);
        String exporter = PSEUDONYMISER.pseudonym(PseudonymRole.EXPORTER, name);
        String exporterId = PSEUDONYMISER.pseudonym(PseudonymRole.EXPORTER_ID, name);
        assertTrue(consignee.startsWith("pseu:cn:"), consignee);
        assertTrue(exporter.startsWith("pseu:ex:") && exporterId.startsWith("pseu:xi:"), exporter + " " + exporterId);
        assertEquals(hash(endUser), hash(consignee), "the same party as end user and as consignee links");
        assertNotEquals(hash(endUser), hash(exporter));
        assertNotEquals(hash(exporter), hash(exporterId));
        assertNotEquals(hash(endUser), hash(exporterId));
    }

    @Test
    void pseudonymisationKeepsEveryFeatureAndRedFlag() {
        FeatureDefinition definition = FeatureDefinition.standard();
        ReferenceData reference = ReferenceData.shipped();
        RedFlagRules rules = new RedFlagRules(reference);
        int vague = 0;
        List<LicenceApplication> applications = applications();
        for (LicenceApplication a : applications) {
            LicenceApplication p = PSEUDONYMISER.pseudonymise(a);
            assertEquals(definition.extract(a, reference), definition.extract(p, reference), a.applicationId());
            assertEquals(rules.evaluate(a), rules.evaluate(p), a.applicationId());
            vague += ApplicationField.isVagueEndUse(a.endUse()) ? 1 : 0;
        }
        assertTrue(vague > 0 && vague < applications.size(), "both vagueness classes are covered: " + vague);
    }

    @Test
    void noIdentityOrFreeTextSurvivesInTheJsonAndItStillValidates() throws IOException {
        ApplicationParser parser = new ApplicationParser();
        for (LicenceApplication a : applications().subList(0, 200)) {
            LicenceApplication pseudonymised = PSEUDONYMISER.pseudonymise(a);
            String json = Json.mapper().writeValueAsString(pseudonymised);
            String lowerCase = json.toLowerCase(Locale.ROOT);
            List<String> secrets = new ArrayList<>(List.of(a.exporter().id(), a.exporter().name(), a.endUser().name(),
                    a.endUse()));
            if (a.consignee() != null) {
                secrets.add(a.consignee().name());
            }
            a.items().stream().map(Item::description).forEach(secrets::add);
            for (String secret : secrets) {
                assertFalse(lowerCase.contains(secret.toLowerCase(Locale.ROOT)), "leaked in " + a.applicationId());
            }
            assertEquals(pseudonymised, parser.parse(json), "the export still validates as an application");
        }
    }

    @Test
    void consigneeMayBeAbsent() {
        LicenceApplication a = Fixtures.application("crypto-low-risk.json");
        LicenceApplication without = new LicenceApplication(a.applicationId(), a.submittedAt(), a.licenceType(),
                a.exporter(), a.items(), a.destinationCountry(), a.endUser(), null, a.intermediaries(), a.endUse(),
                a.endUserStatementProvided(), a.catchAll());
        assertEquals(null, PSEUDONYMISER.pseudonymise(without).consignee());
    }

    @Test
    void aShortOrMissingKeyIsRefusedWithASentence() {
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> new Pseudonymiser(new byte[Pseudonymiser.MIN_KEY_BYTES - 1]));
        assertTrue(shortKey.getMessage().contains("at least 32 bytes") && shortKey.getMessage().endsWith("."),
                shortKey.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Pseudonymiser(null));
        assertThrows(IllegalArgumentException.class, () -> PSEUDONYMISER.pseudonym(PseudonymRole.END_USER, " \t "));
    }

    @Test
    void theKeyNeverAppearsInMessagesOrToString() throws IOException {
        String base64 = Base64.getEncoder().encodeToString(KEY);
        String hex = HexFormat.of().formatHex(KEY);
        String text = PSEUDONYMISER.toString() + new Pseudonymiser(PseudonymisationKeys.fromBase64(base64));
        assertFalse(text.contains(base64) || text.contains(hex), text);

        String corrupted = base64.substring(0, 20) + "#!" + base64.substring(22);
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> PseudonymisationKeys.fromBase64(corrupted));
        assertFalse(bad.getMessage().contains(base64.substring(0, 20)) || bad.getMessage().contains("#"), bad.getMessage());
        assertEquals(null, bad.getCause(), "the decoder's message quotes the key");

        Path file = tmp.resolve("key.b64");
        Files.writeString(file, corrupted + "\n");
        IllegalArgumentException badFile = assertThrows(IllegalArgumentException.class,
                () -> PseudonymisationKeys.fromFile(file));
        assertFalse(badFile.getMessage().contains(base64.substring(0, 20)), badFile.getMessage());
        assertTrue(badFile.getMessage().contains("key.b64"), badFile.getMessage());

        String shortBase64 = Base64.getEncoder().encodeToString(Arrays.copyOf(KEY, 16));
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> new Pseudonymiser(PseudonymisationKeys.fromBase64(shortBase64)));
        assertFalse(shortKey.getMessage().contains(shortBase64), shortKey.getMessage());
    }

    @Test
    void aKeyFileAndTheSameKeyAsBase64GiveTheSamePseudonyms() throws IOException {
        Path file = tmp.resolve("key.b64");
        Files.writeString(file, "  " + Base64.getEncoder().encodeToString(KEY) + "\n", StandardCharsets.US_ASCII);
        Pseudonymiser fromFile = new Pseudonymiser(PseudonymisationKeys.fromFile(file));
        Pseudonymiser fromUrlSafe = new Pseudonymiser(PseudonymisationKeys.fromBase64(
                Base64.getUrlEncoder().encodeToString(KEY)));
        String name = "Example Networks B.V.";
        assertEquals(PSEUDONYMISER.pseudonym(PseudonymRole.EXPORTER, name), fromFile.pseudonym(PseudonymRole.EXPORTER, name));
        assertEquals(PSEUDONYMISER.keyId(), fromUrlSafe.keyId());

        Files.write(file, new byte[PseudonymisationKeys.MAX_FILE_BYTES + 1]);
        assertThrows(IllegalArgumentException.class, () -> PseudonymisationKeys.fromFile(file));
        assertThrows(IllegalArgumentException.class, () -> PseudonymisationKeys.fromBase64("  "));
    }

    @Test
    void concurrentUseGivesTheSamePseudonymsAsSequentialUse() {
        List<String> names = IntStream.range(0, 2000).mapToObj(i -> "Party " + i).toList();
        List<String> sequential = names.stream().map(n -> PSEUDONYMISER.pseudonym(PseudonymRole.END_USER, n)).toList();
        List<String> parallel = names.parallelStream().map(n -> PSEUDONYMISER.pseudonym(PseudonymRole.END_USER, n)).toList();
        assertEquals(sequential, parallel);
        assertEquals(names.size(), sequential.stream().distinct().count(), "no collisions among 2,000 names");
    }
}
