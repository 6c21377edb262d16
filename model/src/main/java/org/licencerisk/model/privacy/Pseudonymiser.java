package org.licencerisk.model.privacy;

import org.licencerisk.model.application.Consignee;
import org.licencerisk.model.application.EndUser;
import org.licencerisk.model.application.Exporter;
import org.licencerisk.model.application.Item;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.features.ApplicationField;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Replaces the identities in a licence application by keyed pseudonyms, for training exports.
 * <p>
 * A pseudonym is {@code pseu:<role code>:} followed by the first 16 bytes (32 hex digits) of
 * HMAC-SHA256(key, domain ∥ 0x00 ∥ normalised identity), where the domain comes from the {@link PseudonymRole}:
 * end users and consignees share one (so a party links across those two roles), exporter names and exporter ids
 * have their own. Without the key nobody can compute a name's pseudonym, so guessing names and comparing hashes
 * does not work; with the same key, the same identity always gets the same pseudonym.
 * <p>
 * Normalisation: Unicode NFKC, leading and trailing white space removed, inner white space collapsed to one space,
 * lower case under {@link Locale#ROOT}. Legal-form suffixes ({@code B.V.}, {@code Ltd}, {@code GmbH}) are
 * <em>not</em> stripped: "Acme GmbH" and "Acme AG" can be different legal entities, and a false link would wrongly
 * raise an unrelated applicant's risk; resolving parties belongs upstream (a party id in the case system).
 * <p>
 * Free text that can carry identities is replaced by fixed placeholders that still pass validation: every goods
 * description by {@link #ITEM_DESCRIPTION}, and the end use by {@link #SPECIFIC_END_USE} or {@link #VAGUE_END_USE}
 * according to {@link ApplicationField#isVagueEndUse}, so every feature and red flag computed from the application
 * is the same before and after. Everything else (countries, control list entries, values, dates, the application
 * id) is kept. Immutable and thread-safe; the key is never part of {@link #toString()} or of any message.
 */
public final class Pseudonymiser {

    /** The shortest key accepted, in bytes (256 bits, the HMAC-SHA256 block security level). */
    public static final int MIN_KEY_BYTES = 32;
    /** What every pseudonym starts with. */
    public static final String PREFIX = "pseu:";
    /** The goods description in a pseudonymised application. */
    public static final String ITEM_DESCRIPTION = "Goods description withheld in this export";
    /** The end use of a pseudonymised application whose stated end use was specific enough to assess. */
    public static final String SPECIFIC_END_USE = "Specific end use stated in the application, withheld in this export";
    /** The end use of a pseudonymised application whose stated end use was too short or generic to assess. */
    public static final String VAGUE_END_USE = "Vague end use (withheld)";

    private static final String ALGORITHM = "HmacSHA256";
    private static final int PSEUDONYM_BYTES = 16;
    private static final int KEY_ID_BYTES = 4;
    private static final Pattern WHITE_SPACE = Pattern.compile("[\\s\\p{Z}]+");

    private final SecretKeySpec key;
    private final String keyId;

    /**
     * Creates a pseudonymiser.
     *
     * @param key the secret key, at least {@value #MIN_KEY_BYTES} bytes; copied, so the caller may wipe its array
     * @throws IllegalArgumentException if the key is missing or too short
     */
    public Pseudonymiser(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("A pseudonymisation key must be at least " + MIN_KEY_BYTES
                    + " bytes long, found " + (key == null ? "none" : key.length + " bytes")
                    + "; generate one with 'openssl rand -base64 32'.");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
        this.keyId = HexFormat.of().formatHex(Arrays.copyOf(hmac("key-id".getBytes(StandardCharsets.UTF_8)), KEY_ID_BYTES));
    }

    /**
     * Returns an id of the key (8 hex digits of an HMAC of a fixed label), which reveals nothing about the key but
     * tells whether two exports were pseudonymised with the same key, and so whether their pseudonyms link.
     */
    public String keyId() {
        return keyId;
    }

    /**
     * Returns the pseudonym of an identity in a role, e.g. {@code pseu:eu:3f2a…} (37 to 40 characters).
     *
     * @throws IllegalArgumentException if the identity is blank
     */
    public String pseudonym(PseudonymRole role, String identity) {
        String normalised = normalise(identity);
        if (normalised.isEmpty()) {
            throw new IllegalArgumentException("An identity to pseudonymise must not be blank (role " + role + ").");
        }
        byte[] domain = role.domain().getBytes(StandardCharsets.UTF_8);
        byte[] text = normalised.getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[domain.length + 1 + text.length];
        System.arraycopy(domain, 0, message, 0, domain.length);
        System.arraycopy(text, 0, message, domain.length + 1, text.length);
        return PREFIX + role.code() + ":" + HexFormat.of().formatHex(Arrays.copyOf(hmac(message), PSEUDONYM_BYTES));
    }

    /**
     * Returns a copy of the application with the exporter's id and name, the end user's and the consignee's names
     * replaced by pseudonyms, the goods descriptions and the end use by placeholders. The raw feature values
     * ({@code FeatureDefinition.extract}) and red flags of the copy equal those of the original.
     */
    public LicenceApplication pseudonymise(LicenceApplication a) {
        Exporter e = a.exporter();
        Exporter exporter = new Exporter(pseudonym(PseudonymRole.EXPORTER_ID, e.id()),
                pseudonym(PseudonymRole.EXPORTER, e.name()), e.country(), e.hasComplianceProgramme());
        List<Item> items = a.items().stream().map(i -> new Item(i.controlListEntry(), ITEM_DESCRIPTION, i.hsCode(),
                i.quantity(), i.valueEur())).toList();
        EndUser endUser = new EndUser(pseudonym(PseudonymRole.END_USER, a.endUser().name()), a.endUser().type(),
                a.endUser().country());
        Consignee consignee = a.consignee() == null ? null
                : new Consignee(pseudonym(PseudonymRole.CONSIGNEE, a.consignee().name()), a.consignee().country());
        return new LicenceApplication(a.applicationId(), a.submittedAt(), a.licenceType(), exporter, items,
                a.destinationCountry(), endUser, consignee, a.intermediaries(), endUsePlaceholder(a.endUse()),
                a.endUserStatementProvided(), a.catchAll());
    }

    /** Returns a copy of a decision with its application pseudonymised; outcome and decision time are kept. */
    public HistoricalApplication pseudonymise(HistoricalApplication decision) {
        return new HistoricalApplication(pseudonymise(decision.application()), decision.outcome(), decision.decidedAt());
    }

    /**
     * Returns the normalised form of an identity that is hashed: NFKC, white space trimmed and collapsed, lower case.
     */
    public static String normalise(String identity) {
        if (identity == null) {
            return "";
        }
        String text = Normalizer.normalize(identity, Normalizer.Form.NFKC);
        return WHITE_SPACE.matcher(text).replaceAll(" ").strip().toLowerCase(Locale.ROOT);
    }

    /** Returns the placeholder of the same vagueness class as the stated end use. */
    static String endUsePlaceholder(String endUse) {
        boolean vague = ApplicationField.isVagueEndUse(endUse);
        String placeholder = vague ? VAGUE_END_USE : SPECIFIC_END_USE;
        if (ApplicationField.isVagueEndUse(placeholder) != vague) {
            throw new IllegalStateException("The end-use placeholders no longer keep the vagueEndUse feature: "
                    + "adapt them to ApplicationField.isVagueEndUse.");
        }
        return placeholder;
    }

    private byte[] hmac(byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this JVM.", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymiser[" + ALGORITHM + ", keyId=" + keyId + "]";
    }
}
