package org.licencerisk.functions.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Progress lines for a person watching a terminal: at most one per {@link #EVERY}, however often the work reports,
 * plus the last one when the work ends. Not thread-safe: one per command.
 */
final class Progress {

    /** The least time between two progress lines. */
    static final Duration EVERY = Duration.ofSeconds(1);

    private final Clock clock;
    private final Consumer<String> sink;
    private Instant last;
    private Supplier<String> pending;

    Progress(Clock clock, Consumer<String> sink) {
        this.clock = clock;
        this.sink = sink;
    }

    /** Reports progress: printed now if a second has passed since the last line, otherwise kept for {@link #done}. */
    void report(Supplier<String> line) {
        Instant now = clock.instant();
        if (last == null || !now.isBefore(last.plus(EVERY))) {
            sink.accept(line.get());
            last = now;
            pending = null;
        } else {
            pending = line;
        }
    }

    /** Prints the last progress if it was held back, so that the final count is always shown. */
    void done() {
        if (pending != null) {
            sink.accept(pending.get());
            pending = null;
        }
    }
}
