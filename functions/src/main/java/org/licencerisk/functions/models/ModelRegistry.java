package org.licencerisk.functions.models;

import org.licencerisk.model.artifact.ModelManifest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The models that have been deployed. Thread-safe. */
public interface ModelRegistry {

    /**
     * Registers a model unless its version is registered already (a conditional put: the first registration's time
     * is kept).
     *
     * @return whether this call registered it
     */
    boolean register(ModelManifest manifest, Instant registeredAt);

    /** Returns every registered model, most recently registered first. */
    List<RegisteredModel> list();

    /** Returns one model. */
    Optional<RegisteredModel> find(String modelVersion);
}
