package org.licencerisk.functions.queue;

import org.licencerisk.functions.errors.InvalidRequestException;
import org.licencerisk.functions.http.ListBody;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.model.scoring.RiskBand;

/** Pages through the undecided applications, riskiest first. Thread-safe. */
public final class QueueService {

    private final CaseRepository cases;

    public QueueService(CaseRepository cases) {
        this.cases = cases;
    }

    /**
     * Returns one page of the queue.
     *
     * @param band   {@code HIGH}, {@code MEDIUM}, {@code LOW} or {@code null} for every band
     * @param limit  the page size
     * @param cursor the previous page's {@code nextCursor}, or {@code null}
     */
    public ListBody<QueueEntry> page(String band, int limit, String cursor) {
        Page<QueueEntry> page = cases.queue(band == null ? null : parseBand(band), limit, cursor);
        return new ListBody<>(page.items(), page.nextCursor());
    }

    private static RiskBand parseBand(String band) {
        for (RiskBand b : RiskBand.values()) {
            if (b.name().equals(band)) {
                return b;
            }
        }
        throw InvalidRequestException.of("band", "Must be one of HIGH, MEDIUM or LOW.");
    }
}
