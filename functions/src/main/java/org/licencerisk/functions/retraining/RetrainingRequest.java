package org.licencerisk.functions.retraining;

import org.licencerisk.model.training.TrainerKind;

import java.time.Instant;
import java.util.Objects;

/**
 * What to retrain.
 *
 * @param trainer   the challenger's trainer
 * @param seed      the training seed
 * @param splitDate the first decision time of the held-out period, or {@code null} for the newest 20% of labelled
 *                  decisions
 * @param actor     who asked for the retraining (recorded as who registered the challenger)
 */
public record RetrainingRequest(TrainerKind trainer, long seed, Instant splitDate, String actor) {

    public RetrainingRequest {
        Objects.requireNonNull(trainer, "trainer");
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException("A retraining needs the name of who asked for it.");
        }
    }
}
