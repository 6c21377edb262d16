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
}
