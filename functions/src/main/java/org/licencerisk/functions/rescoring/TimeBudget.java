package org.licencerisk.functions.rescoring;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/** Whether a re-scoring run may start another page; asked at every page boundary. Implementations may keep state. */
@FunctionalInterface
public interface TimeBudget {

    /** Whether there is time for another page. */
    boolean allowsAnotherPage();

    /** No limit (the command line, the local server). */
    static TimeBudget unlimited() {
        return () -> true;
    }

    /** Another page while {@code remainingMillis} exceeds {@code marginMillis} (Lambda: the context's remaining time). */
    static TimeBudget remaining(LongSupplier remainingMillis, long marginMillis) {
        return () -> remainingMillis.getAsLong() > marginMillis;
    }

    /** Exactly {@code pages} pages (tests: a run interrupted after a known amount of work). */
    static TimeBudget pages(int pages) {
        AtomicInteger left = new AtomicInteger(pages);
        return () -> left.getAndDecrement() > 0;
    }
}
