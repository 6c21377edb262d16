package org.licencerisk.functions.models;

import org.licencerisk.functions.http.ApiException;
import org.licencerisk.functions.http.ListBody;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Answers what is deployed. Thread-safe. */
public final class ModelCatalogue {

    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9\\-_.:]{1,128}");

    private final ModelRegistry registry;

    public ModelCatalogue(ModelRegistry registry) {
        this.registry = registry;
    }

    /** Lists the deployed models, the current one first. */
    public ListBody<ModelSummary> list() {
        List<RegisteredModel> models = registry.list();
        List<ModelSummary> out = new ArrayList<>(models.size());
        for (int i = 0; i < models.size(); i++) {
            RegisteredModel m = models.get(i);
            out.add(new ModelSummary(m.manifest().modelVersion(), m.manifest().trainer(), m.manifest().createdAt(),
                    m.registeredAt(), m.manifest().referenceDataVersion(), i == 0, m.manifest().metrics()));
        }
        return new ListBody<>(out, null);
    }

    /**
     * Returns one model.
     *
     * @throws ApiException 400 for a malformed version, 404 for an unknown one
     */
    public ModelDetail get(String modelVersion) {
        if (!VERSION.matcher(modelVersion).matches()) {
            throw ApiException.invalid("modelVersion", "Must be 1 to 128 letters, digits, '-', '_', '.' or ':'.");
        }
        RegisteredModel model = registry.find(modelVersion).orElseThrow(() -> ApiException.notFound(
                "No model with version " + modelVersion + " has been deployed."));
        List<RegisteredModel> all = registry.list();
        boolean current = !all.isEmpty() && all.get(0).manifest().modelVersion().equals(modelVersion);
        return new ModelDetail(modelVersion, model.registeredAt(), current, model.manifest());
    }
}
