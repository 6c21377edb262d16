package org.licencerisk.screening.matching;

/**
 * The thresholds of denial screening. Immutable.
 *
 * @param party            a party of the application and a party of a denial are taken for the same when their
 *                         party score (name similarity, {@value #SAME_COUNTRY_BONUS} more for the same country,
 *                         as much less for a different one) reaches this
 * @param description      two goods descriptions are similar when their weighted word overlap reaches this
 * @param maxGoodsMatches  at most this many {@code SIMILAR_GOODS_SAME_DESTINATION} matches are returned, strongest
 *                         first (party matches are never cut)
 */
public record ScreeningThresholds(double party, double description, int maxGoodsMatches) {

    /** Added to the name similarity when both parties are in the same country, taken off when in different ones. */
    public static final double SAME_COUNTRY_BONUS = 0.05;

    /** The default party threshold; see {@code docs/denial-screening.md} and the precision-recall curve in BENCHMARKS.md. */
    public static final double DEFAULT_PARTY = 0.75;
    /** The default description threshold. */
    public static final double DEFAULT_DESCRIPTION = 0.40;
    /** The default cap on goods-only matches. */
    public static final int DEFAULT_MAX_GOODS_MATCHES = 10;

    public ScreeningThresholds {
        if (!(party > 0 && party <= 1)) {
            throw new IllegalArgumentException("The party threshold must be greater than 0 and at most 1.");
        }
        if (!(description > 0 && description <= 1)) {
            throw new IllegalArgumentException("The description threshold must be greater than 0 and at most 1.");
        }
        if (maxGoodsMatches < 0) {
            throw new IllegalArgumentException("The cap on goods-only matches cannot be negative.");
        }
    }

    /** @return the documented defaults */
    public static ScreeningThresholds defaults() {
        return new ScreeningThresholds(DEFAULT_PARTY, DEFAULT_DESCRIPTION, DEFAULT_MAX_GOODS_MATCHES);
    }
}
