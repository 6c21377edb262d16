package org.licencerisk.functions.models;

import org.licencerisk.functions.errors.InvalidRequestException;
import org.licencerisk.model.evaluation.EvaluationMetrics;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Changes the champion: a gate on average precision, a conditional move of the champion pointer, then the audit
 * record and the two status updates, each safe to repeat. A change interrupted after the pointer moved is completed
 * by the next promotion (see docs/table-design.md). A rollback is the promotion of a retired model. Thread-safe.
 */
public final class PromotionService {

    private final ModelRegistry registry;
    private final Clock clock;
    private final double tolerance;

    public PromotionService(ModelRegistry registry, Clock clock, double tolerance) {
        this.registry = registry;
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /**
     * Makes {@code modelVersion} the champion.
     *
     * @throws InvalidRequestException     for a malformed version
     * @throws ModelNotFoundException       for an unknown one
     * @throws ModelStateConflictException  when it is the champion already, has no metrics, or the champion changed
     *                                      concurrently
     * @throws PromotionRefusedException    when it fails the metric gate unforced
     */
    public PromotionRecord promote(String modelVersion, String actor, PromotionRequest request) {
        ModelCatalogue.checkVersion(modelVersion);
        RegisteredModel challenger = registry.find(modelVersion).orElseThrow(() -> new ModelNotFoundException(
                "No model with version " + modelVersion + " is registered."));
        Optional<PromotionRecord> pointer = initialiseWithDeploymentPackage(actor);
        pointer.ifPresent(this::complete);
        if (pointer.isPresent() && pointer.get().toVersion().equals(modelVersion)) {
            throw new ModelStateConflictException("Model " + modelVersion + " is the champion already.");
        }
        MetricComparison comparison = null;
        if (pointer.isPresent()) {
            RegisteredModel champion = registry.find(pointer.get().toVersion()).orElseThrow(() -> new IllegalStateException(
                    "The champion pointer names a model that is not registered."));
            comparison = compare(challenger, champion);
            if (!comparison.passed() && !request.force()) {
                throw new PromotionRefusedException(String.format(java.util.Locale.ROOT,
                        "Model %s has average precision %.4f against the champion's %.4f, more than %.4f lower; "
                                + "promote it with force and a reason to override.",
                        modelVersion, comparison.challengerAveragePrecision(), comparison.championAveragePrecision(),
                        tolerance), comparison);
            }
        }
        PromotionKind kind = challenger.status() == ModelStatus.RETIRED ? PromotionKind.ROLLBACK : PromotionKind.PROMOTION;
        PromotionRecord next = new PromotionRecord(pointer.map(PromotionRecord::revision).orElse(0L) + 1, kind,
                pointer.map(PromotionRecord::toVersion).orElse(null), modelVersion, actor, now(), request.reason(),
                comparison != null && !comparison.passed(), comparison);
        if (!registry.moveChampion(next)) {
            throw new ModelStateConflictException("The champion changed while this promotion was decided; read the models and retry.");
        }
        complete(next);
        return next;
    }

    /**
     * Makes the deployment package's model ({@link ModelRegistry#deploymentPackageModel()}, which the scoring functions
     * serve while there is no pointer) the first champion, unless there is a champion already. A promotion calls this
     * first, so that its gate compares the challenger with the model that actually serves; the scoring function never
     * writes the pointer.
     *
     * @return the champion pointer after the call; empty when there is none and no deployment package's model is
     *         registered
     */
    public Optional<PromotionRecord> initialiseWithDeploymentPackage(String actor) {
        Optional<PromotionRecord> pointer = registry.champion();
        if (pointer.isPresent()) {
            return pointer;
        }
        return registry.deploymentPackageModel().map(m -> initialise(m.manifest().modelVersion(), actor));
    }

    /**
     * Makes {@code modelVersion} the first champion unless there is a champion already (the local server calls this
     * at start-up for the model it serves).
     *
     * @return the champion pointer after the call
     */
    public PromotionRecord initialise(String modelVersion, String actor) {
        Optional<PromotionRecord> pointer = registry.champion();
        if (pointer.isPresent()) {
            return pointer.get();
        }
        PromotionRecord first = new PromotionRecord(1, PromotionKind.INITIAL, null, modelVersion, actor, now(),
                "The deployment package's model, which scoring functions served before the first champion.", false,
                null);
        if (registry.moveChampion(first)) {
            complete(first);
            return first;
        }
        return registry.champion().orElseThrow(() -> new IllegalStateException("The champion pointer vanished."));
    }

    /**
     * Reads the champion pointer and completes the change that set it (audit record and statuses), in case its
     * promoter stopped half-way; safe to repeat. Shadow mode calls this before it changes a status, so that a lagging
     * status of an earlier promotion cannot overwrite the change later.
     *
     * @return the pointer, empty before the first champion
     */
    public Optional<PromotionRecord> completeCurrent() {
        Optional<PromotionRecord> pointer = registry.champion();
        pointer.ifPresent(this::complete);
        return pointer;
    }

    /** Returns the audit records of champion changes, newest first. */
    public List<PromotionRecord> history() {
        return registry.promotions();
    }

    /**
     * The same-period comparison recorded at retraining when it was made against this champion; otherwise each
     * model's manifest metrics.
     */
    private MetricComparison compare(RegisteredModel challenger, RegisteredModel champion) {
        HeldOutComparison samePeriod = challenger.comparison();
        if (samePeriod != null && samePeriod.against(champion.manifest().modelVersion())) {
            return MetricComparison.of(MetricComparison.SAME_PERIOD_BASIS, samePeriod.challenger().averagePrecision(),
                    samePeriod.champion().averagePrecision(), tolerance);
        }
        EvaluationMetrics c = challenger.manifest().metrics();
        if (c == null) {
            throw new ModelStateConflictException("Model " + challenger.manifest().modelVersion()
                    + " has no metrics on a held-out period, so it cannot be compared with the champion.");
        }
        EvaluationMetrics incumbent = champion.manifest().metrics();
        double championAp = incumbent == null ? 0.0 : incumbent.averagePrecision();
        return MetricComparison.of(c.averagePrecision(), championAp, tolerance);
    }

    /** Writes what follows a pointer move: safe to repeat, and a no-op for steps done already. */
    private void complete(PromotionRecord change) {
        registry.recordPromotion(change);
        registry.setStatus(change.toVersion(), ModelStatus.CHAMPION, change.revision(), change.actor(), change.at());
        if (change.fromVersion() != null && !change.fromVersion().equals(change.toVersion())) {
            registry.setStatus(change.fromVersion(), ModelStatus.RETIRED, change.revision(), change.actor(), change.at());
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
