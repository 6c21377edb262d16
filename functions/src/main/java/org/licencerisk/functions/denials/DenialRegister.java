package org.licencerisk.functions.denials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.licencerisk.functions.errors.InvalidRequestException;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.model.json.Json;
import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Creates, amends and revokes denials, keeping every version, without transactions.
 * <p>
 * Order of writes: (1) the next version's item, by a conditional put, so that of two concurrent changes exactly one
 * takes the version; (2) the current item, by a conditional put that only moves forward; (3) the register's change
 * counter, which the scoring functions follow and whose stream starts the re-screening of open cases. A failure
 * between them leaves a stored version the next change of the same denial completes; the same content again stores
 * nothing but completes (2) and (3). Thread-safe.
 */
public final class DenialRegister {

    private final DenialParser parser = new DenialParser();
    private final DenialRepository denials;
    private final Clock clock;

    public DenialRegister(DenialRepository denials, Clock clock) {
        this.denials = denials;
        this.clock = clock;
    }

    /**
     * Creates or amends a denial from a JSON body; the same content again changes nothing.
     *
     * @throws InvalidDenialException with every problem of the body
     * @throws ConcurrentDenialChangeException when another change of the same denial was stored at the same time
     */
    public DenialChange put(String denialId, String body, String subject) {
        return store(parser.parse(body, denialId), subject);
    }

    /**
     * Stores a validated denial as its next version, unless its content is already current.
     *
     * @throws ConcurrentDenialChangeException when another change of the same denial was stored at the same time
     */
    public DenialChange store(Denial denial, String subject) {
        String hash = contentHash(denial);
        Optional<StoredDenial> current = denials.find(denial.denialId());
        long latestVersion = current.map(StoredDenial::version).orElse(0L);
        // A version stored by a change that was interrupted before its current item: complete it first.
        List<StoredDenial> history = current.isEmpty() ? denials.history(denial.denialId()) : List.of();
        if (!history.isEmpty()) {
            StoredDenial last = history.get(history.size() - 1);
            denials.advanceCurrent(last);
            current = Optional.of(last);
            latestVersion = last.version();
        }
        if (current.isPresent() && current.get().contentHash().equals(hash)) {
            denials.advanceCurrent(current.get());
            return new DenialChange(current.get(), false, false);
        }
        StoredDenial next = new StoredDenial(denial, latestVersion + 1, hash,
                clock.instant().truncatedTo(ChronoUnit.MILLIS), subject == null ? "unknown" : subject);
        if (!denials.insertVersion(next)) {
            // Taken by a concurrent change, or by one interrupted before its current item: complete it, then compare.
            List<StoredDenial> all = denials.history(denial.denialId());
            StoredDenial last = all.get(all.size() - 1);
            denials.advanceCurrent(last);
            denials.recordChange(clock.instant());
            if (last.contentHash().equals(hash)) {
                return new DenialChange(last, false, false);
            }
            throw new ConcurrentDenialChangeException("Another change of denial " + denial.denialId()
                    + " was stored at the same time; read it and send yours again if it still applies.");
        }
        denials.advanceCurrent(next);
        denials.recordChange(next.changedAt());
        return new DenialChange(next, current.isEmpty(), true);
    }

    /**
     * Revokes a denial; revoking a revoked denial changes nothing.
     *
     * @throws UnknownDenialException for an unknown denial
     * @throws InvalidRequestException without a reason
     */
    public DenialChange revoke(String denialId, String body, String subject) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw InvalidRequestException.of("$", "The body is not well-formed JSON.");
        }
        JsonNode reason = node == null ? null : node.get("reason");
        if (node == null || !node.isObject() || reason == null || !reason.isTextual() || reason.textValue().isBlank()
                || reason.textValue().length() > 4000 || node.size() != 1) {
            throw InvalidRequestException.of("reason", "The body must be {\"reason\": \"...\"}: why the denial is revoked"
                    + " (1 to 4000 characters).");
        }
        return revoke(denialId, subject);
    }

    /**
     * Revokes a denial without a body (own refusals revised away from REFUSED).
     *
     * @throws UnknownDenialException for an unknown denial
     */
    public DenialChange revoke(String denialId, String subject) {
        StoredDenial current = find(denialId);
        if (current.denial().status() == DenialStatus.REVOKED) {
            return new DenialChange(current, false, false);
        }
        Denial d = current.denial();
        return store(new Denial(d.denialId(), d.source(), d.notifyingState(), d.notifiedOn(), d.criteria(),
                d.controlListEntries(), d.itemDescription(), d.destinationCountry(), d.parties(), DenialStatus.REVOKED,
                d.reviewDue()), subject);
    }

    /** Whether a denial is in the register. */
    public boolean exists(String denialId) {
        return denials.find(denialId).isPresent();
    }

    /** Revokes a denial if the register holds it; nothing otherwise. */
    public void revokeIfPresent(String denialId, String subject) {
        if (exists(denialId)) {
            revoke(denialId, subject);
        }
    }

    /**
     * The current version of a denial.
     *
     * @throws UnknownDenialException for an unknown denial
     */
    public StoredDenial find(String denialId) {
        if (!DenialParser.DENIAL_ID.matcher(denialId).matches()) {
            throw InvalidRequestException.of("denialId", "Must be 1 to 64 letters, digits, '-', '_', '.' or ':'.");
        }
        return denials.find(denialId).orElseThrow(() -> new UnknownDenialException("No denial " + denialId
                + " is in the register."));
    }

    /** Every version of a denial, oldest first. */
    public List<StoredDenial> history(String denialId) {
        find(denialId);
        return denials.history(denialId);
    }

    /** A page of current denials. */
    public Page<StoredDenial> list(DenialStatus status, String notifyingState, int limit, String cursor) {
        return denials.list(status, notifyingState, limit, cursor);
    }

    /** SHA-256 (hex) of a denial's canonical JSON (the shared mapper sorts properties). */
    static String contentHash(Denial denial) {
        try {
            byte[] json = Json.mapper().writeValueAsString(denial).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("A denial could not be hashed.", e);
        }
    }
}
