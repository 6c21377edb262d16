package org.licencerisk.functions.shadow;

import org.licencerisk.functions.models.ModelStateConflictException;
import org.licencerisk.functions.models.ModelNotFoundException;
import org.licencerisk.functions.models.ModelCatalogue;
import org.licencerisk.functions.models.ModelDetail;
import org.licencerisk.functions.models.ModelRegistry;
import org.licencerisk.functions.models.ModelStatus;
import org.licencerisk.functions.models.PromotionRecord;
import org.licencerisk.functions.models.PromotionService;
import org.licencerisk.functions.models.RegisteredModel;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * Puts models into shadow mode and takes them out, each by one conditional update of the model item that leaves its
 * {@code statusRevision} alone (docs/table-design.md, "Shadow mode and the promotion protocol"): a promotion of a
 * shadow model makes it champion as for any other, and a late status update of an older pointer revision still
 * cannot overwrite a newer one. Thread-safe.
 */
public final class ShadowService {

    private final ModelRegistry registry;
    private final PromotionService promotions;
    private final ModelCatalogue catalogue;
    private final Clock clock;

    public ShadowService(ModelRegistry registry, PromotionService promotions, Clock clock) {
        this.registry = registry;
        this.promotions = promotions;
        this.catalogue = new ModelCatalogue(registry);
        this.clock = clock;
    }

    /**
     * Puts {@code modelVersion} into shadow mode: from then on scoring functions score live requests with it too (within
     * their check interval). Repeating it changes nothing.
     *
     * @throws org.licencerisk.functions.errors.InvalidRequestException for a malformed version
     * @throws ModelNotFoundException      for an unknown one
     * @throws ModelStateConflictException when it is the champion, has no stored artifact, or changed concurrently
     */
    public ModelDetail start(String modelVersion, String actor) {
        ModelCatalogue.checkVersion(modelVersion);
        // Complete a promotion its promoter left half-way, so that its status updates cannot undo this change later.
        Optional<PromotionRecord> pointer = promotions.completeCurrent();
        RegisteredModel model = find(modelVersion);
        if (pointer.isPresent() && pointer.get().toVersion().equals(modelVersion)) {
            throw new ModelStateConflictException("Model " + modelVersion + " is the champion; only another model can score in "
                    + "its shadow.");
        }
        if (model.artifact() == null) {
            throw new ModelStateConflictException("Model " + modelVersion + " has no stored artifact (only a deployment package "
                    + "holds it), so scoring functions cannot load it in shadow; register its artifact first.");
        }
        if (model.status() != ModelStatus.SHADOW && !registry.changeStatus(modelVersion,
                Set.of(ModelStatus.CANDIDATE, ModelStatus.RETIRED), model.statusRevision(), ModelStatus.SHADOW, actor,
                clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            throw new ModelStateConflictException("Model " + modelVersion + " changed while it was put in shadow; read it and "
                    + "retry.");
        }
        return catalogue.get(modelVersion);
    }

    /**
     * Takes {@code modelVersion} out of shadow mode: its status goes back to {@code CANDIDATE}; its shadow scores stay
     * (comparisons still read them).
     *
     * @throws org.licencerisk.functions.errors.InvalidRequestException for a malformed version
     * @throws ModelNotFoundException      for an unknown one
     * @throws ModelStateConflictException when it is not in shadow or changed concurrently
     */
    public ModelDetail stop(String modelVersion, String actor) {
        ModelCatalogue.checkVersion(modelVersion);
        RegisteredModel model = find(modelVersion);
        if (model.status() != ModelStatus.SHADOW) {
            throw new ModelStateConflictException("Model " + modelVersion + " is not in shadow mode; its status is "
                    + model.status() + ".");
        }
        if (!registry.changeStatus(modelVersion, Set.of(ModelStatus.SHADOW), model.statusRevision(),
                ModelStatus.CANDIDATE, actor, clock.instant().truncatedTo(ChronoUnit.MILLIS))) {
            throw new ModelStateConflictException("Model " + modelVersion + " changed while it was taken out of shadow; read it "
                    + "and retry.");
        }
        return catalogue.get(modelVersion);
    }

    private RegisteredModel find(String modelVersion) {
        return registry.find(modelVersion).orElseThrow(() -> new ModelNotFoundException(
                "No model with version " + modelVersion + " is registered."));
    }
}
