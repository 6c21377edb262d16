package org.licencerisk.functions.models;

import org.licencerisk.functions.errors.ConflictException;

/** The challenger is worse than the champion beyond the tolerance; carries the numbers it was refused on. */
public final class PromotionRefusedException extends ConflictException {

    private static final long serialVersionUID = 1L;

    private final transient MetricComparison comparison;

    public PromotionRefusedException(String message, MetricComparison comparison) {
        super(message);
        this.comparison = comparison;
    }

    /** Returns the numbers the promotion was refused on. */
    public MetricComparison comparison() {
        return comparison;
    }

    /** Returns the {@linkplain #comparison() comparison}. */
    @Override
    public MetricComparison figures() {
        return comparison;
    }
}
