package org.licencerisk.functions.models;

import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.scoring.RiskScorer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The models a scoring function scores with in shadow: every registered model in status {@link ModelStatus#SHADOW}
 * that the champion pointer does not name, followed like {@link ChampionModel} without a redeploy.
 * <p>
 * {@link #current()} never waits for storage: at most once per check interval it hands a check to a background
 * thread and returns the models it has. The check lists the registry (one {@code Query}) and reads the pointer (one
 * {@code GetItem}); a new shadow model's artifact is fetched and verified exactly as the champion's
 * ({@link RegisteredArtifacts}) before it is used. A model that fails verification is skipped and logged (version and
 * reason, never contents) and not fetched again until its registered artifact changes; a model no longer in shadow
 * is dropped. A storage failure leaves the current set and is retried at the next check. Thread-safe.
 */
public final class ShadowModels {

    private final ModelRegistry registry;
    private final Optional<ArtifactStore> store;
    private final StructuredLogger log;
    private final PeriodicCheck registryCheck;
    /** Version to the artifact digest that failed verification. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private volatile List<RiskScorer> current = List.of();

    /**
     * @param store    where registered artifacts are, or empty (then no shadow model can be loaded)
     * @param interval how often to read the registry
     */
    public ShadowModels(ModelRegistry registry, Optional<ArtifactStore> store, Duration interval, StructuredLogger log) {
        this(registry, store, interval, log, BackgroundChecks.daemonThreads());
    }

    /** The same, with the checks timed and run by {@code background}. */
    public ShadowModels(ModelRegistry registry, Optional<ArtifactStore> store, Duration interval, StructuredLogger log,
                        BackgroundChecks background) {
        this.registry = registry;
        this.store = store;
        this.log = log;
        this.registryCheck = new PeriodicCheck("shadow-loader", interval, this::check, background);
    }

    /** Returns the shadow models to score with now, handing a registry check to the background thread when due. */
    public List<RiskScorer> current() {
        registryCheck.trigger();
        return current;
    }

    /** One check: runs on the background thread (and directly in tests). */
    public void check() {
        try {
            String champion = registry.champion().map(PromotionRecord::toVersion).orElse(null);
            Map<String, RiskScorer> loaded = new HashMap<>();
            current.forEach(s -> loaded.put(s.manifest().modelVersion(), s));
            List<RiskScorer> next = new ArrayList<>();
            for (RegisteredModel model : registry.list()) {
                String version = model.manifest().modelVersion();
                if (model.status() != ModelStatus.SHADOW || version.equals(champion)) {
                    continue;
                }
                RiskScorer kept = loaded.get(version);
                if (kept != null) {
                    next.add(kept);
                    continue;
                }
                String digest = model.artifact() == null ? "none" : model.artifact().modelSha256();
                if (digest.equals(refused.get(version))) {
                    continue;
                }
                long start = System.nanoTime();
                try {
                    next.add(RegisteredArtifacts.load(model, store, "shadow model").scorer());
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("modelVersion", version);
                    fields.put("loadMs", (System.nanoTime() - start) / 1e6);
                    log.log(StructuredLogger.Level.INFO, null, "shadow_loaded", fields);
                } catch (ArtifactException e) {
                    refused.put(version, digest);
                    log.log(StructuredLogger.Level.ERROR, null, "shadow_refused",
                            Map.of("modelVersion", version, "reason", e.getMessage()));
                }
            }
            current = List.copyOf(next);
        } catch (RuntimeException e) {
            // Storage unavailable, S3 unreachable or denied: keep the current set and retry at the next check.
            log.log(StructuredLogger.Level.WARN, null, "shadow_check_failed",
                    Map.of("exception", e.getClass().getName(), "shadowModels", current.size()));
        }
    }
}
