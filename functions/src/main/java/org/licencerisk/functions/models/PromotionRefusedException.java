package org.licencerisk.functions.models;

import org.licencerisk.functions.http.ApiException;
import org.licencerisk.functions.http.Problem;
import org.licencerisk.functions.http.ProblemType;

/** A 409: the challenger is worse than the champion beyond the tolerance; the problem carries the numbers. */
public final class PromotionRefusedException extends ApiException {

    private static final long serialVersionUID = 1L;

    private final transient MetricComparison comparison;

    public PromotionRefusedException(String detail, MetricComparison comparison) {
        super(ProblemType.CONFLICT, detail);
        this.comparison = comparison;
    }

    /** Returns the numbers the promotion was refused on. */
    public MetricComparison comparison() {
        return comparison;
    }

    @Override
    public Problem toProblem() {
        Problem p = super.toProblem();
        return new Problem(p.type(), p.title(), p.status(), p.detail(), (Object) comparison);
    }
}
