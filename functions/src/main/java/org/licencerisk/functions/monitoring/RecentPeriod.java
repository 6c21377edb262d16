package org.licencerisk.functions.monitoring;

import org.licencerisk.model.data.DecisionDataset;

import java.time.Instant;

/**
 * The applications scored in a window, as the drift report's recent period.
 *
 * @param since        the window's start (inclusive)
 * @param until        the window's end (exclusive)
 * @param applications their raw feature values with their decisions (undecided ones as
 *                     {@link org.licencerisk.model.data.DecisionRecord#undecided}); its {@code sourceSha256} is the
 *                     SHA-256 of the window's application ids, score ids and outcomes, so that the same data gives the
 *                     same digest
 * @param counts       what the reading found
 */
public record RecentPeriod(Instant since, Instant until, DecisionDataset applications, RecentCounts counts) {
}
