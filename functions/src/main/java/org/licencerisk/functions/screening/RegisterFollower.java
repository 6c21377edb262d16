package org.licencerisk.functions.screening;

import org.licencerisk.functions.denials.DenialRepository;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.models.BackgroundChecks;
import org.licencerisk.functions.models.PeriodicCheck;
import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialScreener;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The denial register a function screens against, followed as {@code ChampionModel} follows the champion: without a
 * redeploy and without loading on the request path. The register is loaded once when the function starts (its init
 * phase, before a SnapStart snapshot); then {@link #current()} hands a check to one background thread at most once
 * per interval and returns the screener it has. The check reads the register's change counter (one
 * {@code GetItem}); when it moved, the thread reads the current denials, builds a new screener and swaps it in. A
 * failed check is logged (counts and exception class only) and retried at the next one. Thread-safe.
 */
public final class RegisterFollower {

    private final DenialRepository denials;
    private final ScreenerFactory factory;
    private final StructuredLogger log;
    private final PeriodicCheck check;
    private final List<Consumer<Loaded>> listeners = new CopyOnWriteArrayList<>();
    private volatile Loaded loaded;

    /**
     * The screener of one register version, with the denials it was built from (by id).
     *
     * @param version  the register version: how many changes the register had seen
     * @param screener the screener
     * @param denials  the current denials by id
     */
    public record Loaded(long version, DenialScreener screener, Map<String, Denial> denials) {

        /** The register version as scores record it. */
        public String label() {
            return label(version);
        }

        /** The label of a register version. */
        public static String label(long version) {
            return "denials-" + version;
        }
    }

    public RegisterFollower(DenialRepository denials, ScreenerFactory factory, Duration interval, StructuredLogger log) {
        this(denials, factory, interval, log, BackgroundChecks.daemonThreads());
    }

    /** The same, with the check timed and run by {@code background} (as the champion model's). */
    public RegisterFollower(DenialRepository denials, ScreenerFactory factory, Duration interval, StructuredLogger log,
                            BackgroundChecks background) {
        this.denials = denials;
        this.factory = factory;
        this.log = log;
        this.check = new PeriodicCheck("denial-register-loader", interval, this::checkLogged, background);
    }

    /**
     * Loads the register now, for a function's init phase; a failure is logged and the first request loads it instead.
     *
     * @return this follower
     */
    public RegisterFollower loadNow() {
        checkLogged();
        return this;
    }

    /** Runs {@code listener} with each newly loaded register (on the loader's thread). */
    public void onLoaded(Consumer<Loaded> listener) {
        listeners.add(listener);
    }

    /**
     * The register to screen with now. Never loads on the caller's thread except the very first time (the function's
     * init phase); hands a check to the background thread when one is due.
     */
    public Loaded current() {
        Loaded l = loaded;
        if (l == null) {
            return refresh();
        }
        check.trigger();
        return l;
    }

    /** Reads the register's version and reloads it when it moved, on the caller's thread (jobs, init, tests). */
    public synchronized Loaded refresh() {
        long version = denials.registerVersion();
        Loaded l = loaded;
        if (l != null && l.version() == version) {
            return l;
        }
        List<Denial> all;
        long after;
        int attempts = 0;
        do {
            // A change during the read moves the counter: read again so the label never claims an older register.
            all = denials.validDenials();
            after = denials.registerVersion();
            if (after == version) {
                break;
            }
            version = after;
        } while (++attempts < 3);
        Map<String, Denial> byId = all.stream().collect(Collectors.toUnmodifiableMap(Denial::denialId,
                Function.identity(), (a, b) -> a));
        Loaded next = new Loaded(version, factory.build(all, Loaded.label(version)), byId);
        loaded = next;
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("registerVersion", next.label());
        fields.put("denials", all.size());
        log.log(StructuredLogger.Level.INFO, null, "denial_register_loaded", fields);
        for (Consumer<Loaded> listener : listeners) {
            listener.accept(next);
        }
        return next;
    }

    private void checkLogged() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.log(StructuredLogger.Level.WARN, null, "denial_register_check_failed",
                    Map.of("exception", e.getClass().getName()));
        }
    }
}
