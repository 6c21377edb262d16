package org.licencerisk.functions.models;

import org.licencerisk.model.artifact.ModelManifest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The registered models, the champion pointer and the audit trail of champion changes. Every write is a single-item
 * conditional write (no transactions); docs/table-design.md explains why the sequence is safe to repeat. Thread-safe.
 */
public interface ModelRegistry {

    /**
     * Registers a model as {@link ModelStatus#CANDIDATE} unless its version is registered already (a conditional put:
     * the first registration is kept).
     *
     * @param artifact where its artifact is stored, or {@code null} for a model only in a deployment package
     * @return whether this call registered it
     */
    default boolean register(ModelManifest manifest, StoredArtifact artifact, String registeredBy, Instant registeredAt) {
        return register(manifest, artifact, registeredBy, registeredAt, null);
    }

    /**
     * Registers a retrained model as {@link ModelStatus#CANDIDATE} with its comparison against the champion on the
     * same held-out period, unless its version is registered already.
     *
     * @param comparison the same-period comparison, or {@code null}
     * @return whether this call registered it
     */
    boolean register(ModelManifest manifest, StoredArtifact artifact, String registeredBy, Instant registeredAt,
                     HeldOutComparison comparison);

    /** Returns every registered model, most recently registered first. */
    List<RegisteredModel> list();

    /**
     * The model of the deployment package: the most recently registered model without a stored artifact (the scoring
     * functions register theirs, and serve it while there is no champion pointer); empty when there is none.
     */
    default Optional<RegisteredModel> deploymentPackageModel() {
        return list().stream().filter(m -> m.artifact() == null).findFirst();
    }

    /**
     * The version the scoring functions serve: the champion pointer's, or before the first champion the deployment
     * package's model; empty when there is neither. Retraining, the drift report and the shadow comparison compare
     * with it, so that before the first promotion they compare with the model that will become the first champion.
     */
    default Optional<String> servedVersion() {
        return champion().map(PromotionRecord::toVersion)
                .or(() -> deploymentPackageModel().map(m -> m.manifest().modelVersion()));
    }

    /** Returns one model. */
    Optional<RegisteredModel> find(String modelVersion);

    /** Returns the champion pointer (a strongly consistent read), empty before the first champion. */
    Optional<PromotionRecord> champion();

    /**
     * Moves the champion pointer to {@code next} if its revision is still {@code next.revision() - 1} (or it does not
     * exist and {@code next.revision()} is 1).
     *
     * @return whether the pointer moved; {@code false} when another change came first
     */
    boolean moveChampion(PromotionRecord next);

    /** Stores the audit record of a change unless it is stored already (safe to repeat). */
    void recordPromotion(PromotionRecord change);

    /**
     * Sets a model's status on behalf of pointer revision {@code revision}, unless a later revision set it already
     * (so that a late or repeated update never undoes a newer one).
     */
    void setStatus(String modelVersion, ModelStatus status, long revision, String by, Instant at);

    /** Returns the audit records, newest first. */
    List<PromotionRecord> promotions();

    /**
     * Changes a model's status outside the champion pointer's revisions (shadow mode), by one conditional update:
     * only while its status is one of {@code from} and its status revision is still {@code statusRevision}. The
     * status revision is left as it is, so that the next pointer revision still sets {@code CHAMPION} or
     * {@code RETIRED} over this status, and a late update of an older revision still cannot.
     *
     * @return whether the status changed; {@code false} when the model changed meanwhile or is not registered
     */
    default boolean changeStatus(String modelVersion, java.util.Set<ModelStatus> from, long statusRevision,
                                 ModelStatus to, String by, Instant at) {
        throw new UnsupportedOperationException("This registry cannot change statuses outside promotions.");
    }
}
