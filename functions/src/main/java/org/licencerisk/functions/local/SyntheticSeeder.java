package org.licencerisk.functions.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.functions.Components;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.data.Outcome;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.synthetic.SyntheticDecisionLog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
 * <p>
 * The history keeps the synthetic log's timeline (five years, with the authority's policy changes of 2023 and 2024),
 * moved so that its last day is today: each application is scored at its submission time and decided at its decision
 * time, so that retraining holds out a real period (the newest decisions), the champion and the challenger are
 * compared on decisions made after the policy changed, and a drift report of the recent weeks compares them with
 * older ones rather than with themselves. The undecided applications are the newest: the queue of the last months.
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
    private final Clock clock;

    public SyntheticSeeder(Components components, Clock clock) {
        this.components = components;
        this.clock = clock;
    }

    /**
     * Scores {@code applications} synthetic applications of log {@code seed} and decides the oldest
     * {@code decidedShare} of them.
     *
     * @param progress told the number scored after each application (callers limit how often they report it)
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
        Duration shift = Duration.between(SyntheticDecisionLog.LAST_DAY.plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant(), clock.instant().truncatedTo(ChronoUnit.DAYS));
        SeedClock then = new SeedClock();
        Components past = Components.of(components.config(), components.dynamoDb(), components.scorer(), then,
                components.logger());
        Iterator<HistoricalApplication> log = new SyntheticDecisionLog(seed, applications).generate().iterator();
        while (log.hasNext()) {
            HistoricalApplication h = log.next();
            // Ids carry the seed, so that logs of different seeds seed different applications.
            String id = "SEED" + seed + "-" + h.application().applicationId();
            Instant submitted = h.application().submittedAt() == null ? h.decidedAt() : h.application().submittedAt();
            ObjectNode application = Json.mapper().valueToTree(h.application());
            application.put("applicationId", id);
            application.put("submittedAt", submitted.plus(shift).toString());
            then.set(submitted.plus(shift));
            past.scoringService().score(Json.write(application));
            scored++;
            if (scored <= toDecide && h.outcome() != Outcome.NO_LICENCE_REQUIRED) {
                then.set(h.decidedAt().plus(shift));
                past.decisionService().decide(id, Json.write(Map.of(
                        "outcome", h.outcome().name(),
                        "criteria", h.outcome() == Outcome.REFUSED ? List.of("2") : List.of(),
                        "rationale", "Synthetic decision (seeded for trying the retraining loop).")), OFFICER);
                decided++;
            }
            progress.accept(scored);
        }
        return new Seeded(scored, decided, scored - decided);
    }

    /** The time the seeded services see: set to each application's submission or decision time in turn. */
    private static final class SeedClock extends Clock {
        private volatile Instant now = Instant.EPOCH;

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
