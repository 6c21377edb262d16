package org.licencerisk.screening;

import java.time.LocalDate;
import java.util.List;

/**
 * A denial that an application matches, with the evidence.
 *
 * @param denialId       the denial
 * @param source         notified by another state, or this authority's own
 * @param notifyingState the state that denied
 * @param notifiedOn     when it was notified
 * @param score          0..1, the strength of the match
 * @param verdict        what the match amounts to
 * @param fields         the fields compared, field by field
 * @param reason         one sentence saying why this is a match, in officers' words
 */
public record DenialMatch(
        String denialId,
        DenialSource source,
        String notifyingState,
        LocalDate notifiedOn,
        double score,
        MatchVerdict verdict,
        List<FieldEvidence> fields,
        String reason) {

    public DenialMatch {
        fields = List.copyOf(fields);
    }
}
