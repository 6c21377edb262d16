package org.licencerisk.functions.models;

import org.licencerisk.functions.errors.InvalidRequestException;
import org.licencerisk.functions.http.ListBody;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Answers what is registered and which model is the champion. Thread-safe. */
public final class ModelCatalogue {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9\\-_.:]{1,128}");

    private final ModelRegistry registry;

    public ModelCatalogue(ModelRegistry registry) {
        this.registry = registry;
    }

    /** Lists the registered models, the champion first, then the others newest first. */
    public ListBody<ModelSummary> list() {
        List<RegisteredModel> models = registry.list();
        String champion = champion(models);
        List<ModelSummary> out = new ArrayList<>(models.size());
        for (RegisteredModel m : models) {
            ModelSummary summary = new ModelSummary(m.manifest().modelVersion(), m.manifest().trainer(),
                    m.manifest().createdAt(), m.registeredAt(), m.manifest().referenceDataVersion(),
                    m.manifest().modelVersion().equals(champion), m.status(), m.manifest().metrics());
            if (summary.current()) {
                out.add(0, summary);
            } else {
                out.add(summary);
            }
        }
        return new ListBody<>(out, null);
    }

    /**
     * Returns one model.
     *
     * @throws InvalidRequestException for a malformed version
     * @throws ModelNotFoundException for an unknown one
     */
    public ModelDetail get(String modelVersion) {
        checkVersion(modelVersion);
        RegisteredModel model = registry.find(modelVersion).orElseThrow(() -> new ModelNotFoundException(
                "No model with version " + modelVersion + " has been deployed."));
        boolean current = modelVersion.equals(champion(registry.list()));
        return new ModelDetail(modelVersion, model.registeredAt(), current, model.status(), model.registeredBy(),
                model.statusChangedAt(), model.statusChangedBy(),
                model.artifact() == null ? null : model.artifact().modelSha256(), model.comparison(), model.manifest());
    }

    /**
     * Checks the syntax of a model version.
     *
     * @throws InvalidRequestException when malformed
     */
    public static void checkVersion(String modelVersion) {
        if (!VERSION.matcher(modelVersion).matches()) {
            throw InvalidRequestException.of("modelVersion", "Must be 1 to 128 letters, digits, '-', '_', '.' or ':'.");
        }
    }

    /**
     * The champion pointer's version; without a pointer (before the first promotion), the model the scoring functions
     * serve: the deployment package's (the newest registered without a stored artifact), else the newest registered.
     */
    private String champion(List<RegisteredModel> models) {
        return registry.servedVersion()
                .orElse(models.isEmpty() ? null : models.get(0).manifest().modelVersion());
    }
}
