package org.licencerisk.functions.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.licencerisk.functions.Components;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.data.Outcome;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Applications scored and decided through the services, as retraining finds them. */
public final class DecidedApplications {

    private DecidedApplications() {
    }

    /**
     * Applications of the synthetic policy (seed 17) in time order with their outcomes: {@code refusals} refusals and
     * {@code others} other outcomes (none "no licence required"), the refusals spread evenly among them.
     */
    public static List<HistoricalApplication> select(int refusals, int others) {
        Iterator<HistoricalApplication> log = new SyntheticDecisionLog(17L, 5_000).iterator();
        List<HistoricalApplication> out = new ArrayList<>(refusals + others);
        int refused = 0;
        int other = 0;
        while (log.hasNext() && (refused < refusals || other < others)) {
            HistoricalApplication h = log.next();
            boolean refusal = h.outcome() == Outcome.REFUSED;
            if (h.outcome() == Outcome.NO_LICENCE_REQUIRED || (refusal ? refused >= refusals : other >= others)
                    || (!refusal && refused * others < other * refusals)) {
                continue;
            }
            if (refusal) {
                refused++;
            } else {
                other++;
            }
            out.add(h);
        }
        if (refused != refusals || other != others) {
            throw new IllegalStateException("The synthetic log ran out before " + refusals + " refusals and " + others
                    + " other decisions.");
        }
        return out;
    }

    /** Scores and decides the applications of {@link #select} through the services. */
    public static void record(Components components, int refusals, int others) {
        try {
            for (HistoricalApplication h : select(refusals, others)) {
                components.scoringService().score(Json.mapper().writeValueAsString(h.application()));
                components.decisionService().decide(h.application().applicationId(), Json.mapper().writeValueAsString(
                        Map.of("outcome", h.outcome().name(),
                                "criteria", h.outcome() == Outcome.REFUSED ? List.of("2") : List.of(),
                                "rationale", "Assessed.", "officerId", "officer-1")), "officer-1");
            }
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
