package org.licencerisk.model.monitoring;

/**
 * One bin of a population stability index: how many baseline and recent values fell into it, their shares and the
 * bin's term of the index.
 *
 * @param label         the bin: a score or value range such as {@code [0.031, 0.052)}, a level, {@code (other)},
 *                      {@code (none)} or {@code (missing)}
 * @param baselineCount values of the baseline in the bin
 * @param recentCount   values of the recent period in the bin
 * @param baselineShare the baseline's share in the bin (unsmoothed)
 * @param recentShare   the recent period's share in the bin (unsmoothed)
 * @param contribution  the bin's term {@code (recent − baseline) × ln(recent / baseline)}, shares smoothed with
 *                      {@link PopulationStability#EPSILON}
 */
public record DriftBin(String label, long baselineCount, long recentCount, double baselineShare, double recentShare,
                       double contribution) {
}
