package org.licencerisk.model.features;

import java.util.Objects;

/**
 * One input of the model, as stored in a model's manifest.
 *
 * @param name      the feature's name; for a feature tied to an application field, the field's id
 * @param kind      how its raw value is encoded
 * @param transform the numeric transformation ({@link Transform#NONE} for non-numeric kinds)
 * @param field     the id of the {@link ApplicationField} it is computed from, or {@code null} when the
 *                  input exists only in a CSV decision log (such a model cannot score API applications)
 */
public record FeatureSpec(String name, FeatureKind kind, Transform transform, String field) {

    public FeatureSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(transform, "transform");
        if (name.isBlank() || name.contains("=")) {
            throw new IllegalArgumentException("A feature name must be non-blank and must not contain '=', found '" + name + "'.");
        }
        if (kind != FeatureKind.NUMERIC && transform != Transform.NONE) {
            throw new IllegalArgumentException("Feature '" + name + "' is " + kind + " and so cannot have the transform " + transform + ".");
        }
    }

    /** Returns the spec of an application field. */
    public static FeatureSpec of(ApplicationField field) {
        return new FeatureSpec(field.id(), field.kind(), field.transform(), field.id());
    }

    /** Returns whether this input can be computed from a {@code LicenceApplication}. */
    public boolean tied() {
        return field != null;
    }
}
