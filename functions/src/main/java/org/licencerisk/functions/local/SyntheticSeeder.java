package org.licencerisk.functions.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.functions.Components;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.data.Outcome;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Fills a local stack with synthetic applications (docs/synthetic-data.md), scored through the scoring service and,
 * for the older ones, decided through the decision service as the synthetic policy decided them: enough history to
 * try the retraining loop (export, retrain, shadow, promote, re-score, drift) on one's own machine. Outcomes officers
 * cannot record through the API ("no licence required") stay undecided. Never for a real authority's tables: the
 * command that runs it refuses anything but a local endpoint.
 */
public final class SyntheticSeeder {

    /** The officer id and subject the synthetic decisions are recorded under. */
    public static final String OFFICER = "synthetic-seed";

    /**
     * What was seeded.
     *
     * @param scored    applications scored (a repeat of identical content counts too, and stores nothing)
     * @param decided   decisions recorded
     * @param undecided applications left in the queue
     */
    public record Seeded(int scored, int decided, int undecided) {
    }

    private final Components components;

    public SyntheticSeeder(Components components) {
        this.components = components;
    }

    /**
     * Scores {@code applications} synthetic applications of log {@code seed} and decides the oldest
     * {@code decidedShare} of them.
     *
     * @param progress told the number scored every 500 applications
     */
    public Seeded seed(long seed, int applications, double decidedShare, IntConsumer progress) {
        if (applications < 1 || applications > 100_000) {
            throw new IllegalArgumentException("Seed between 1 and 100000 applications, not " + applications + ".");
        }
        if (!(decidedShare >= 0 && decidedShare <= 1)) {
            throw new IllegalArgumentException("The decided share must lie between 0 and 1, not " + decidedShare + ".");
        }
        int toDecide = (int) Math.round(applications * decidedShare);
        int scored = 0;
        int decided = 0;
        Iterator<HistoricalApplication> log = new SyntheticDecisionLog(seed, applications).generate().iterator();
        while (log.hasNext()) {
            HistoricalApplication h = log.next();
            // Ids carry the seed, so that logs of different seeds seed different applications.
            String id = "SEED" + seed + "-" + h.application().applicationId();
            ObjectNode application = Json.mapper().valueToTree(h.application());
            application.put("applicationId", id);
            components.scoringService().score(Json.write(application));
            scored++;
            if (scored <= toDecide && h.outcome() != Outcome.NO_LICENCE_REQUIRED) {
                components.decisionService().decide(id, Json.write(Map.of(
                        "outcome", h.outcome().name(),
                        "criteria", h.outcome() == Outcome.REFUSED ? List.of("2") : List.of(),
                        "rationale", "Synthetic decision (seeded for trying the retraining loop).",
                        "officerId", OFFICER)), OFFICER);
                decided++;
            }
            if (scored % 500 == 0) {
                progress.accept(scored);
            }
        }
        return new Seeded(scored, decided, scored - decided);
    }
}
