package org.licencerisk.model.data;

import org.licencerisk.model.features.FeatureKind;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/** What a column of a CSV decision log means, as its {@link CsvSchema} says with {@code "role"}. */
public enum ColumnRole {
    /** The case reference; unique, non-empty. */
    ID("id", null, Set.of()),
    /** When the decision was taken; with an optional {@code format} (a {@code DateTimeFormatter} pattern). */
    DECISION_DATE("decisionDate", null, Set.of("format")),
    /** The outcome; {@code refused} lists the values that mean refused, {@code approved} optionally those that mean approved. */
    LABEL("label", null, Set.of("refused", "approved")),
    /** One string value. */
    CATEGORICAL("categorical", FeatureKind.CATEGORICAL, Set.of("field")),
    /** Several string values in one cell, split at {@code separator}. */
    MULTI_CATEGORICAL("multiCategorical", FeatureKind.MULTI_CATEGORICAL, Set.of("field", "separator")),
    /** A finite decimal number, with an optional {@code transform} ({@code none} or {@code log1p}). */
    NUMERIC("numeric", FeatureKind.NUMERIC, Set.of("field", "transform")),
    /** true/false, yes/no, y/n or 1/0 (any case); {@code invert} flips it. */
    BOOLEAN("boolean", FeatureKind.BOOLEAN, Set.of("field", "invert")),
    /** Read past: not an input of the model. */
    IGNORED("ignored", null, Set.of());

    private final String schemaName;
    private final FeatureKind kind;
    private final Set<String> options;

    ColumnRole(String schemaName, FeatureKind kind, Set<String> options) {
        this.schemaName = schemaName;
        this.kind = kind;
        this.options = options;
    }

    /** Returns the role's spelling in a schema file. */
    public String schemaName() {
        return schemaName;
    }

    /** Returns the feature kind of a feature column, or {@code null} for the id, date, label and ignored roles. */
    public FeatureKind kind() {
        return kind;
    }

    /** Returns whether a column with this role becomes a model feature. */
    public boolean isFeature() {
        return kind != null;
    }

    /** Returns the schema keys, beyond {@code name} and {@code role}, a column with this role may carry. */
    Set<String> options() {
        return options;
    }

    /** Returns the role with this schema spelling. */
    public static Optional<ColumnRole> bySchemaName(String name) {
        return Arrays.stream(values()).filter(r -> r.schemaName.equals(name)).findFirst();
    }
}
