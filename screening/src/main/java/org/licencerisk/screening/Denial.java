package org.licencerisk.screening;

import java.time.LocalDate;
import java.util.List;

/**
 * A denial of a dual-use export licence: notified by another state or one of this authority's own refusals.
 *
 * @param denialId           1 to 64 of {@code [A-Za-z0-9-_.:]}
 * @param source             notified by another state, or this authority's own
 * @param notifyingState     ISO 3166-1 alpha-2 code of the state that denied
 * @param notifiedOn         the date of the notification (or of the own refusal)
 * @param criteria           the grounds: {@code 1}…{@code 8}, {@code ART5}
 * @param controlListEntries the denied goods' control list entries
 * @param itemDescription    the denied goods' description; confidential, never logged
 * @param destinationCountry ISO 3166-1 alpha-2 code of the destination
 * @param parties            1 to 20 parties
 * @param status             valid or revoked
 * @param reviewDue          the date by which the denial must be reviewed; past it the denial no longer counts
 */
public record Denial(
        String denialId,
        DenialSource source,
        String notifyingState,
        LocalDate notifiedOn,
        List<String> criteria,
        List<String> controlListEntries,
        String itemDescription,
        String destinationCountry,
        List<DenialParty> parties,
        DenialStatus status,
        LocalDate reviewDue) {

    public Denial {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
        controlListEntries = controlListEntries == null ? List.of() : List.copyOf(controlListEntries);
        parties = parties == null ? List.of() : List.copyOf(parties);
    }

    /**
     * Whether this denial counts on the given day: valid and not past its review date.
     *
     * @param day the day of the screening
     * @return true if the denial counts
     */
    public boolean countsOn(LocalDate day) {
        return status == DenialStatus.VALID && (reviewDue == null || !day.isAfter(reviewDue));
    }
}
