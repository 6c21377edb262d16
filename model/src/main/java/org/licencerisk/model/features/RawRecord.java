package org.licencerisk.model.features;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The raw inputs of one application, keyed by feature name, before encoding: a {@code String}, a
 * {@code Set<String>}, a {@code Double} or a {@code Boolean} per feature; a missing value is absent.
 *
 * @param values the values; unmodifiable
 */
public record RawRecord(Map<String, Object> values) {

    public RawRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** Returns the value of a feature, or {@code null}. */
    public Object get(String name) {
        return values.get(name);
    }
}
