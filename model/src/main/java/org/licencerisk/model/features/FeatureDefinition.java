package org.licencerisk.model.features;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.reference.ReferenceData;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The one definition of a model's inputs, used by training and by scoring alike.
 * <p>
 * It lists the {@link FeatureSpec}s, computes their raw values from an application ({@link #extract}) and
 * encodes raw values into model features ({@link #encode}). Its {@link #fingerprint()} covers the specs, the
 * encoding version and the reference-data version; a model artifact records it and loading refuses a model
 * whose fingerprint this code cannot reproduce. Immutable and thread-safe.
 */
public final class FeatureDefinition {

    /** The version of the extraction and encoding code; bump it when either changes what a model sees. */
    public static final int ENCODING_VERSION = 1;

    private final List<FeatureSpec> specs;
    private final List<FeatureCross> crosses;
    private final int[][] crossIndexes;
    private final String referenceDataVersion;
    private final ApplicationField[] fields;
    private final String fingerprint;

    /**
     * Creates a definition.
     *
     * @param specs                the inputs, in order; names must be unique
     * @param referenceDataVersion the version of the reference data the derived fields read
     */
    public FeatureDefinition(List<FeatureSpec> specs, String referenceDataVersion) {
        this(specs, List.of(), referenceDataVersion);
    }

    /**
     * Creates a definition with feature crosses.
     *
     * @param specs                the inputs, in order; names must be unique
     * @param crosses              interactions of two categorical, multi-categorical or boolean specs, each pair once
     * @param referenceDataVersion the version of the reference data the derived fields read
     * @throws IllegalArgumentException if a cross names an unknown or numeric feature, or a pair twice
     */
    public FeatureDefinition(List<FeatureSpec> specs, List<FeatureCross> crosses, String referenceDataVersion) {
        Objects.requireNonNull(referenceDataVersion, "referenceDataVersion");
        Objects.requireNonNull(crosses, "crosses");
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("A feature definition needs at least one feature.");
        }
        Set<String> names = new HashSet<>();
        ApplicationField[] resolved = new ApplicationField[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            FeatureSpec s = specs.get(i);
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("The feature name '" + s.name() + "' is used twice.");
            }
            if (s.tied()) {
                ApplicationField f = ApplicationField.byId(s.field()).orElseThrow(() -> new IllegalArgumentException(
                        "Feature '" + s.name() + "' is tied to the unknown application field '" + s.field()
                                + "'; known fields are " + Arrays.stream(ApplicationField.values()).map(ApplicationField::id).toList() + "."));
                if (f.kind() != s.kind() || f.transform() != s.transform()) {
                    throw new IllegalArgumentException("Feature '" + s.name() + "' is declared " + s.kind() + "/" + s.transform()
                            + " but the application field '" + f.id() + "' is " + f.kind() + "/" + f.transform() + ".");
                }
                resolved[i] = f;
            }
        }
        this.specs = List.copyOf(specs);
        this.crosses = List.copyOf(crosses);
        this.crossIndexes = crossIndexes(this.specs, this.crosses);
        this.referenceDataVersion = referenceDataVersion;
        this.fields = resolved;
        this.fingerprint = computeFingerprint();
    }

    /**
     * The crosses of the standard definition: a control list entry, an end-user type and a list heading each mean
     * something else for one destination or end user than for another.
     */
    public static final List<FeatureCross> STANDARD_CROSSES = List.of(
            new FeatureCross(ApplicationField.DESTINATION_COUNTRY.id(), ApplicationField.CONTROL_LIST_ENTRIES.id()),
            new FeatureCross(ApplicationField.DESTINATION_COUNTRY.id(), ApplicationField.END_USER_TYPE.id()),
            new FeatureCross(ApplicationField.CONTROL_LIST_HEADINGS.id(), ApplicationField.END_USER_TYPE.id()));

    /**
     * Returns the standard definition: every {@link ApplicationField} and the {@link #STANDARD_CROSSES}, against
     * the shipped reference data. Training may drop the crosses when they do not help on the validation period.
     */
    public static FeatureDefinition standard() {
        return new FeatureDefinition(Arrays.stream(ApplicationField.values()).map(FeatureSpec::of).toList(),
                STANDARD_CROSSES, ReferenceData.shipped().version());
    }

    public List<FeatureSpec> specs() {
        return specs;
    }

    /** Returns the feature crosses, in order (empty when there are none). */
    public List<FeatureCross> crosses() {
        return crosses;
    }

    /** Returns the same inputs with other crosses (none for an empty list). */
    public FeatureDefinition withCrosses(List<FeatureCross> newCrosses) {
        return new FeatureDefinition(specs, newCrosses, referenceDataVersion);
    }

    /**
     * Returns the crosses a data scientist would try first when none are declared: every pair of the categorical and
     * multi-categorical inputs, when there are at most {@code maxInputs} of them (so a wide definition gets none).
     */
    public List<FeatureCross> candidateCrosses(int maxInputs) {
        if (!crosses.isEmpty()) {
            return crosses;
        }
        List<FeatureSpec> categorical = specs.stream().filter(s -> s.kind() == FeatureKind.CATEGORICAL
                || s.kind() == FeatureKind.MULTI_CATEGORICAL).toList();
        if (categorical.size() < 2 || categorical.size() > maxInputs) {
            return List.of();
        }
        List<FeatureCross> out = new ArrayList<>();
        for (int i = 0; i < categorical.size(); i++) {
            for (int j = i + 1; j < categorical.size(); j++) {
                out.add(new FeatureCross(categorical.get(i).name(), categorical.get(j).name()));
            }
        }
        return out;
    }

    public String referenceDataVersion() {
        return referenceDataVersion;
    }

    /** Returns the SHA-256 fingerprint of the specs, the encoding version and the reference-data version. */
    public String fingerprint() {
        return fingerprint;
    }

    /** Returns the names of the features not tied to an application field. */
    public List<String> untiedFeatures() {
        return specs.stream().filter(s -> !s.tied()).map(FeatureSpec::name).toList();
    }

    /** Returns whether every feature can be computed from a {@code LicenceApplication}. */
    public boolean canScoreApplications() {
        return untiedFeatures().isEmpty();
    }

    /**
     * Computes the raw values of an application.
     *
     * @throws IllegalStateException if a feature is not tied to an application field
     */
    public RawRecord extract(LicenceApplication application, ReferenceData referenceData) {
        if (!referenceData.version().equals(referenceDataVersion)) {
            throw new IllegalArgumentException("This feature definition reads reference data version '"
                    + referenceDataVersion + "' but was given version '" + referenceData.version() + "'.");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] == null) {
                throw new IllegalStateException("The feature '" + specs.get(i).name()
                        + "' is not tied to an application field, so applications cannot be scored with this definition.");
            }
            Object v = fields[i].extract(application, referenceData);
            if (v != null) {
                values.put(specs.get(i).name(), v);
            }
        }
        return new RawRecord(values);
    }

    /** Encodes raw values into model features, in the order of the specs. */
    public EncodedFeatures encode(RawRecord raw) {
        List<String> names = new ArrayList<>(specs.size() + 4);
        double[] values = new double[specs.size() + 16];
        int n = 0;
        for (FeatureSpec s : specs) {
            Object v = raw.get(s.name());
            if (v == null) {
                continue;
            }
            switch (s.kind()) {
                case CATEGORICAL -> {
                    values = ensure(values, n);
                    names.add(s.name() + "=" + v);
                    values[n++] = 1.0;
                }
                case MULTI_CATEGORICAL -> {
                    for (Object item : (Collection<?>) v) {
                        values = ensure(values, n);
                        names.add(s.name() + "=" + item);
                        values[n++] = 1.0;
                    }
                }
                case NUMERIC -> {
                    double x = s.transform().apply(((Number) v).doubleValue());
                    if (x != 0.0) {
                        values = ensure(values, n);
                        names.add(s.name());
                        values[n++] = x;
                    }
                }
                case BOOLEAN -> {
                    if ((Boolean) v) {
                        values = ensure(values, n);
                        names.add(s.name());
                        values[n++] = 1.0;
                    }
                }
            }
        }
        for (int c = 0; c < crosses.size(); c++) {
            Collection<String> firstValues = crossValues(specs.get(crossIndexes[c][0]), raw);
            Collection<String> secondValues = crossValues(specs.get(crossIndexes[c][1]), raw);
            String prefix = crosses.get(c).name() + "=";
            for (String a : firstValues) {
                for (String b : secondValues) {
                    values = ensure(values, n);
                    names.add(prefix + a + FeatureCross.JOIN + b);
                    values[n++] = 1.0;
                }
            }
        }
        return new EncodedFeatures(names.toArray(new String[0]), Arrays.copyOf(values, n));
    }

    /** The values a cross pairs of one input: its value, its set of values, or {@code true} when a boolean is set. */
    private static Collection<String> crossValues(FeatureSpec spec, RawRecord raw) {
        Object v = raw.get(spec.name());
        if (v == null) {
            return List.of();
        }
        return switch (spec.kind()) {
            case CATEGORICAL -> List.of(v.toString());
            case MULTI_CATEGORICAL -> ((Collection<?>) v).stream().map(Object::toString).sorted().toList();
            case BOOLEAN -> (Boolean) v ? List.of("true") : List.of();
            case NUMERIC -> throw new IllegalStateException("A numeric input cannot be crossed.");
        };
    }

    private static int[][] crossIndexes(List<FeatureSpec> specs, List<FeatureCross> crosses) {
        int[][] out = new int[crosses.size()][];
        Set<String> pairs = new HashSet<>();
        for (int c = 0; c < crosses.size(); c++) {
            FeatureCross cross = crosses.get(c);
            int a = crossInput(specs, cross, cross.first());
            int b = crossInput(specs, cross, cross.second());
            String pair = Math.min(a, b) + ":" + Math.max(a, b);
            if (!pairs.add(pair)) {
                throw new IllegalArgumentException("The feature cross " + cross.name() + " pairs the same two features "
                        + "as an earlier cross; declare each pair once.");
            }
            out[c] = new int[]{a, b};
        }
        return out;
    }

    private static int crossInput(List<FeatureSpec> specs, FeatureCross cross, String name) {
        for (int i = 0; i < specs.size(); i++) {
            FeatureSpec s = specs.get(i);
            if (s.name().equals(name)) {
                if (s.kind() == FeatureKind.NUMERIC) {
                    throw new IllegalArgumentException("The feature cross " + cross.name() + " names the numeric feature '"
                            + name + "'; only categorical, multi-categorical and boolean features can be crossed.");
                }
                return i;
            }
        }
        throw new IllegalArgumentException("The feature cross " + cross.name() + " names '" + name
                + "', which is not a feature of this definition; known features are "
                + specs.stream().map(FeatureSpec::name).toList() + ".");
    }

    /** Extracts and encodes in one step. */
    public EncodedFeatures features(LicenceApplication application, ReferenceData referenceData) {
        return encode(extract(application, referenceData));
    }

    /**
     * Returns the spec (or cross) a feature name ({@code destinationCountry=IR}, {@code totalValueEur},
     * {@code destinationCountry×controlListEntries=IR×5A001.j}) belongs to.
     */
    public static String specName(String featureName) {
        int eq = featureName.indexOf('=');
        return eq < 0 ? featureName : featureName.substring(0, eq);
    }

    private static double[] ensure(double[] values, int n) {
        return n < values.length ? values : Arrays.copyOf(values, values.length * 2);
    }

    private String computeFingerprint() {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("encodingVersion", ENCODING_VERSION);
        canonical.put("referenceDataVersion", referenceDataVersion);
        canonical.put("specs", specs);
        if (!crosses.isEmpty()) {
            // Only when present, so definitions without crosses keep the fingerprints they always had.
            canonical.put("crosses", crosses);
        }
        try {
            byte[] bytes = Json.mapper().writeValueAsBytes(canonical);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("The feature definition could not be fingerprinted.", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureDefinition other && fingerprint.equals(other.fingerprint);
    }

    @Override
    public int hashCode() {
        return fingerprint.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureDefinition[" + specs.size() + " features, " + crosses.size() + " crosses, referenceData=" + referenceDataVersion
                + ", fingerprint=" + fingerprint.substring(0, 12) + "]";
    }
}
