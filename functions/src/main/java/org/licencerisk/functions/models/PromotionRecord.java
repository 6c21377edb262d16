package org.licencerisk.functions.models;

import java.time.Instant;

/**
 * One change of champion: the champion pointer carries the latest, and each is kept as an audit record.
 *
 * @param revision                   the pointer's revision this change produced (1 for the first champion)
 * @param kind                       promotion, rollback or the initial champion
 * @param fromVersion                the champion before, or {@code null} for the first
 * @param toVersion                  the champion after
 * @param actor                      who made the change (the JWT subject, or the CLI's {@code --actor})
 * @param at                         when
 * @param reason                     why, in the actor's words; required when forced
 * @param forced                     whether the metric gate was overridden
 * @param comparison                 the numbers the gate looked at, or {@code null} for the first champion
 */
public record PromotionRecord(long revision, PromotionKind kind, String fromVersion, String toVersion, String actor,
                              Instant at, String reason, boolean forced, MetricComparison comparison) {
}
