package org.licencerisk.functions.denials;

import org.licencerisk.screening.DenialParty;
import org.licencerisk.screening.DenialSource;
import org.licencerisk.screening.DenialStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A denial as the API returns it (schema {@code Denial} in {@code openapi.yaml}): its content and its version.
 *
 * @param version   1 for the first version, one more for each change
 * @param changedAt when this version was stored
 * @param changedBy who stored it (the token's subject, {@code import} or {@code decision})
 */
public record DenialView(String denialId, DenialSource source, String notifyingState, LocalDate notifiedOn,
                         List<String> criteria, List<String> controlListEntries, String itemDescription,
                         String destinationCountry, List<DenialParty> parties, DenialStatus status, LocalDate reviewDue,
                         long version, Instant changedAt, String changedBy) {

    /** The view of a stored version. */
    public static DenialView of(StoredDenial s) {
        var d = s.denial();
        return new DenialView(d.denialId(), d.source(), d.notifyingState(), d.notifiedOn(), d.criteria(),
                d.controlListEntries(), d.itemDescription(), d.destinationCountry(), d.parties(), d.status(),
                d.reviewDue(), s.version(), s.changedAt(), s.changedBy());
    }
}
