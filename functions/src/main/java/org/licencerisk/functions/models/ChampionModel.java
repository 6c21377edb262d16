package org.licencerisk.functions.models;

import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.scoring.RiskScorer;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The model a scoring function serves: the champion the registry's pointer names, followed without a redeploy.
 * <p>
 * {@link #current()} never waits for storage: at most once per check interval it hands a check to a single background
 * thread and returns the model it has. The check reads the pointer (one {@code GetItem}); when it names another model,
 * the thread reads the model item, fetches the artifact, verifies it against the registry's digests and the manifest,
 * and only then swaps it in. A model that fails verification is refused and logged, and the old one keeps serving;
 * it is not fetched again until the pointer changes. A storage failure is retried at the next check. The model in
 * the deployment package ({@code MODEL_DIR}) serves until then and whenever the pointer names it. Thread-safe.
 * <p>
 * Why a background thread rather than loading on the request that noticed the change: loading a model takes hundreds
 * of milliseconds (S3, protobuf, verification), which no licensing system should wait for. In Lambda the thread runs
 * while the container is thawed, i.e. during requests, so a load started by one request may finish during a later
 * one; a load cut off by a freeze fails its timeouts and is retried at the next check.
 */
public final class ChampionModel {

    private static final String SCORING_FUNCTION = "scoring-function";

    private final RiskScorer bundled;
    private final ModelRegistry registry;
    private final VerifiedModels models;
    private final StructuredLogger log;
    private final PeriodicCheck pointerCheck;
    private final Duration staleAfter;
    private final List<Consumer<RiskScorer>> loadListeners = new CopyOnWriteArrayList<>();
    private volatile RiskScorer current;
    /** The champion a look on the request path found, while its load runs in the background; else {@code null}. */
    private volatile String pendingVersion;
    private volatile long lookedAtMillis;
    private volatile String refused;

    /**
     * @param bundled  the model of the deployment package
     * @param store    where registered artifacts are, or empty (then only the bundled model can serve)
     * @param interval how often to read the pointer
     */
    public ChampionModel(RiskScorer bundled, ModelRegistry registry, Optional<ArtifactStore> store, Duration interval,
                         StructuredLogger log) {
        this(bundled, registry, store, interval, log, BackgroundChecks.daemonThreads());
    }

    /**
     * The same, with the checks timed and run by {@code background}.
     *
     * @param bundled  the model of the deployment package
     * @param store    where registered artifacts are, or empty (then only the bundled model can serve)
     * @param interval how often to read the pointer
     */
    public ChampionModel(RiskScorer bundled, ModelRegistry registry, Optional<ArtifactStore> store, Duration interval,
                         StructuredLogger log, BackgroundChecks background) {
        this.bundled = bundled;
        this.current = bundled;
        this.registry = registry;
        this.models = new VerifiedModels(bundled, registry, store);
        this.log = log;
        this.pointerCheck = new PeriodicCheck("champion-loader", interval, this::check, background);
        this.staleAfter = staleAfter(interval);
    }

    /**
     * How long a container may go without a finished pointer check before its next request reads the pointer itself:
     * two check intervals.
     */
    public static Duration staleAfter(Duration interval) {
        return interval.multipliedBy(2);
    }

    /**
     * Returns the model to score with now; never loads a model on the caller's thread. Normally hands a pointer check
     * to the background thread when one is due and returns at once. When no check has finished for
     * {@link #staleAfter two intervals} (a container's first request, one that was idle, or one restored from a
     * snapshot), it first reads the pointer itself (one {@code GetItem}); when that names another champion, the load
     * starts in the background at once and the version is {@linkplain #pendingVersion() pending} until it is served,
     * so that the caller knows its score is by the previous champion and can have it re-scored
     * ({@link #onChampionLoaded}).
     */
    public RiskScorer current() {
        long now = pointerCheck.clock().millis();
        if (pointerCheck.stale(staleAfter) && now - lookedAtMillis > staleAfter.toMillis()) {
            lookedAtMillis = now;
            lookOnRequestPath();
        } else {
            pointerCheck.trigger();
        }
        return current;
    }

    /**
     * The champion the registry names but this container does not serve yet (its load is running), found by a look on
     * the request path; empty when none is known to be pending.
     */
    public Optional<String> pendingVersion() {
        return Optional.ofNullable(pendingVersion);
    }

    /** Calls {@code listener} on the background thread with each new champion once it serves. */
    public void onChampionLoaded(Consumer<RiskScorer> listener) {
        loadListeners.add(listener);
    }

    private void lookOnRequestPath() {
        try {
            registry.champion().filter(this::toLoad).ifPresent(p -> pendingVersion = p.toVersion());
        } catch (RuntimeException e) {
            checkFailed(e);
        }
        pointerCheck.triggerNow();
    }

    /** Whether the pointer names a model this container should load: not the one it serves, not one it refused. */
    private boolean toLoad(PromotionRecord pointer) {
        return !pointer.toVersion().equals(current.manifest().modelVersion()) && !key(pointer).equals(refused);
    }

    private static String key(PromotionRecord pointer) {
        return pointer.toVersion() + "#" + pointer.revision();
    }

    /** Storage unavailable, S3 unreachable or denied: transient as far as this container can tell. */
    private void checkFailed(RuntimeException e) {
        log.log(StructuredLogger.Level.WARN, null, "champion_check_failed",
                Map.of("exception", e.getClass().getName(), "servingVersion", current.manifest().modelVersion()));
    }

    /** Returns the model being served, without checking. */
    public RiskScorer serving() {
        return current;
    }

    /**
     * Registers the bundled model (one conditional put in the registry's model partition; the scoring function calls
     * this once per container). It never writes the champion pointer: while there is none, the bundled model serves,
     * and the promotion service makes it the first champion ({@link PromotionService#initialiseWithDeploymentPackage}).
     */
    public void registerBundled(java.time.Instant now) {
        registry.register(bundled.manifest(), null, SCORING_FUNCTION, now);
    }

    /** One check: runs on the background thread (and directly in tests). */
    void check() {
        String key = null;
        try {
            Optional<PromotionRecord> pointer = registry.champion();
            if (pointer.isEmpty()) {
                return;
            }
            String version = pointer.get().toVersion();
            key = key(pointer.get());
            if (!toLoad(pointer.get())) {
                pendingVersion = null;
                return;
            }
            long start = System.nanoTime();
            RiskScorer next = models.load(version);
            String from = current.manifest().modelVersion();
            current = next;
            pendingVersion = null;
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("fromVersion", from);
            fields.put("modelVersion", version);
            fields.put("revision", pointer.get().revision());
            fields.put("loadMs", (System.nanoTime() - start) / 1e6);
            log.log(StructuredLogger.Level.INFO, null, "champion_loaded", fields);
            for (Consumer<RiskScorer> listener : loadListeners) {
                listener.accept(next);
            }
        } catch (ArtifactException e) {
            refused = key;
            pendingVersion = null;
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("pointer", key);
            fields.put("servingVersion", current.manifest().modelVersion());
            fields.put("reason", e.getMessage());
            log.log(StructuredLogger.Level.ERROR, null, "champion_refused", fields);
        } catch (RuntimeException e) {
            checkFailed(e);
        }
    }
}
