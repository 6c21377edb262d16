package org.licencerisk.model.monitoring;

import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.features.FeatureSpec;
import org.licencerisk.model.scoring.BandThresholds;
import org.licencerisk.model.scoring.RiskBand;
import org.licencerisk.model.training.RiskModelTrainer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares recent applications with a model's baseline (its training data, or a sample of it) and checks the risk
 * bands against officers' recent decisions.
 * <p>
 * It reads only the records' raw feature values ({@code RawRecord}) and the artifact's scores, so it works for models
 * trained on CSV decision logs with untied columns as well as for application models. Binning, per feature kind:
 * <ul>
 *     <li>scores and numeric features: at the baseline's deciles ({@link PopulationStability#quantileCuts}), a missing
 *     numeric value in a bin of its own;</li>
 *     <li>categorical: the baseline's {@link #topLevels} most frequent levels, every other level (including levels
 *     new in the recent period) in {@code (other)}, a missing value in {@code (missing)};</li>
 *     <li>multi-valued: the same, over every value of every record (an empty set counts once, as {@code (none)});</li>
 *     <li>boolean: {@code true}, {@code false} and {@code (missing)}.</li>
 * </ul>
 * Immutable and thread-safe.
 */
public final class DriftAnalyzer {

    /** How many bins scores and numeric features get at most. */
    public static final int QUANTILE_BINS = 10;
    /** How many of the baseline's levels a categorical feature keeps by default before {@code (other)}. */
    public static final int DEFAULT_TOP_LEVELS = 10;
    static final String OTHER = "(other)";
    static final String MISSING = "(missing)";
    static final String NONE = "(none)";

    private final int topLevels;
    private final Clock clock;

    /** Creates an analyzer keeping {@value #DEFAULT_TOP_LEVELS} levels per categorical feature. */
    public DriftAnalyzer() {
        this(DEFAULT_TOP_LEVELS, Clock.systemUTC());
    }

    /**
     * Creates an analyzer.
     *
     * @param topLevels how many of the baseline's most frequent levels a categorical feature keeps (at least 1)
     * @param clock     the clock that dates reports
     */
    public DriftAnalyzer(int topLevels, Clock clock) {
        if (topLevels < 1) {
            throw new IllegalArgumentException("A drift analysis keeps at least one level per categorical feature, found "
                    + topLevels + ".");
        }
        this.topLevels = topLevels;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Returns how many levels a categorical feature keeps before {@code (other)}. */
    public int topLevels() {
        return topLevels;
    }

    /**
     * Analyses the recent period against the baseline.
     *
     * @param artifact the model whose scores and features are compared
     * @param baseline the training data or a sample of it, read with the model's feature definition
     * @param recent   recent applications, labelled or not, read with the model's feature definition
     * @throws IllegalArgumentException if a data set is empty or was read with other features than the model's
     */
    public DriftReport analyze(ModelArtifact artifact, DecisionDataset baseline, DecisionDataset recent) {
        requireReadable(artifact, baseline, "baseline");
        requireReadable(artifact, recent, "recent");
        ModelManifest manifest = artifact.manifest();
        double[] baselineScores = RiskModelTrainer.scores(artifact, baseline.records());
        double[] recentScores = RiskModelTrainer.scores(artifact, recent.records());
        List<DriftBin> scoreBins = numericBins(baselineScores, recentScores);
        double scorePsi = scoreBins.stream().mapToDouble(DriftBin::contribution).sum();
        List<FeatureDrift> features = new ArrayList<>();
        for (FeatureSpec spec : artifact.definition().specs()) {
            features.add(featureDrift(spec, baseline.records(), recent.records()));
        }
        return new DriftReport(manifest.modelVersion(), manifest.trainer(), manifest.referenceDataVersion(),
                manifest.featureFingerprint(), clock.instant(), period(baseline), period(recent), scorePsi,
                DriftStatus.of(scorePsi), scoreBins, features,
                bandAgreement(manifest.bandThresholds(), recent.records(), recentScores));
    }

    private static void requireReadable(ModelArtifact artifact, DecisionDataset data, String which) {
        if (data.records().isEmpty()) {
            throw new IllegalArgumentException("The " + which + " data holds no applications to compare.");
        }
        if (!data.definition().equals(artifact.definition())) {
            throw new IllegalArgumentException("The " + which + " data was read with other features than the model "
                    + artifact.manifest().modelVersion() + " uses; read it with the model's feature definition.");
        }
    }

    private FeatureDrift featureDrift(FeatureSpec spec, List<DecisionRecord> baseline, List<DecisionRecord> recent) {
        List<DriftBin> bins = switch (spec.kind()) {
            case NUMERIC -> numericFeatureBins(spec.name(), baseline, recent);
            case BOOLEAN -> levelBins(List.of("true", "false"), levelCounts(spec.name(), baseline),
                    levelCounts(spec.name(), recent));
            case CATEGORICAL, MULTI_CATEGORICAL -> {
                Map<String, Long> b = levelCounts(spec.name(), baseline);
                Map<String, Long> r = levelCounts(spec.name(), recent);
                yield levelBins(topLevels(b), b, r);
            }
        };
        double psi = bins.stream().mapToDouble(DriftBin::contribution).sum();
        return new FeatureDrift(spec.name(), spec.kind(), psi, DriftStatus.of(psi), bins);
    }

    /** Counts each value as text; a set counts each element, an empty set once as (none), an absent value as (missing). */
    private static Map<String, Long> levelCounts(String feature, List<DecisionRecord> records) {
        Map<String, Long> counts = new HashMap<>();
        for (DecisionRecord record : records) {
            Object v = record.raw().get(feature);
            if (v == null) {
                counts.merge(MISSING, 1L, Long::sum);
            } else if (v instanceof Collection<?> values) {
                if (values.isEmpty()) {
                    counts.merge(NONE, 1L, Long::sum);
                }
                values.forEach(value -> counts.merge(String.valueOf(value), 1L, Long::sum));
            } else {
                counts.merge(String.valueOf(v), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The baseline's most frequent levels, most frequent first, ties by name; the special bins are not levels. */
    private List<String> topLevels(Map<String, Long> baseline) {
        return baseline.entrySet().stream().filter(e -> !e.getKey().equals(MISSING) && !e.getKey().equals(NONE))
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(topLevels).map(Map.Entry::getKey).toList();
    }

    /** Bins the kept levels, then (other), (none) and (missing); bins empty in both periods are left out. */
    private static List<DriftBin> levelBins(List<String> levels, Map<String, Long> baseline, Map<String, Long> recent) {
        Map<String, long[]> bins = new LinkedHashMap<>();
        levels.forEach(level -> bins.put(level, new long[2]));
        for (String special : List.of(OTHER, NONE, MISSING)) {
            bins.put(special, new long[2]);
        }
        baseline.forEach((level, n) -> bins.getOrDefault(level, bins.get(OTHER))[0] += n);
        recent.forEach((level, n) -> bins.getOrDefault(level, bins.get(OTHER))[1] += n);
        return bins(new ArrayList<>(bins.keySet()), bins.values().stream().mapToLong(c -> c[0]).toArray(),
                bins.values().stream().mapToLong(c -> c[1]).toArray());
    }

    private static List<DriftBin> numericFeatureBins(String feature, List<DecisionRecord> baseline,
                                                     List<DecisionRecord> recent) {
        double[] b = values(feature, baseline);
        double[] r = values(feature, recent);
        double[] present = Arrays.stream(b).filter(v -> !Double.isNaN(v)).sorted().toArray();
        double[] cuts = present.length == 0 ? new double[0] : PopulationStability.quantileCuts(present, QUANTILE_BINS);
        List<String> labels = new ArrayList<>(PopulationStability.rangeLabels(cuts));
        labels.add(MISSING);
        return bins(labels, histogram(cuts, b), histogram(cuts, r));
    }

    private static List<DriftBin> numericBins(double[] baseline, double[] recent) {
        double[] cuts = PopulationStability.quantileCuts(Arrays.stream(baseline).sorted().toArray(), QUANTILE_BINS);
        long[] b = histogram(cuts, baseline);
        long[] r = histogram(cuts, recent);
        // Scores are never missing: drop the histogram's missing bin.
        return bins(PopulationStability.rangeLabels(cuts), Arrays.copyOf(b, b.length - 1), Arrays.copyOf(r, r.length - 1));
    }

    /** The values of a numeric feature, NaN where missing. */
    private static double[] values(String feature, List<DecisionRecord> records) {
        double[] values = new double[records.size()];
        for (int i = 0; i < values.length; i++) {
            Object v = records.get(i).raw().get(feature);
            values[i] = v instanceof Number n ? n.doubleValue() : Double.NaN;
        }
        return values;
    }

    /** Counts values per range bin, with one more bin at the end for NaN (missing). */
    private static long[] histogram(double[] cuts, double[] values) {
        long[] counts = new long[cuts.length + 2];
        for (double v : values) {
            counts[Double.isNaN(v) ? cuts.length + 1 : PopulationStability.bin(cuts, v)]++;
        }
        return counts;
    }

    private static List<DriftBin> bins(List<String> labels, long[] baseline, long[] recent) {
        double[] terms = PopulationStability.terms(baseline, recent);
        long nb = Arrays.stream(baseline).sum();
        long nr = Arrays.stream(recent).sum();
        List<DriftBin> bins = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            if (baseline[i] > 0 || recent[i] > 0) {
                bins.add(new DriftBin(labels.get(i), baseline[i], recent[i], (double) baseline[i] / nb,
                        (double) recent[i] / nr, terms[i]));
            }
        }
        return bins;
    }

    private static List<BandAgreement> bandAgreement(BandThresholds thresholds, List<DecisionRecord> recent,
                                                     double[] scores) {
        Map<RiskBand, int[]> counts = new LinkedHashMap<>();
        for (RiskBand band : List.of(RiskBand.HIGH, RiskBand.MEDIUM, RiskBand.LOW)) {
            counts.put(band, new int[3]);
        }
        int refusals = 0;
        for (int i = 0; i < scores.length; i++) {
            int[] c = counts.get(thresholds.band(scores[i]));
            DecisionRecord record = recent.get(i);
            c[0]++;
            if (record.labelled()) {
                c[1]++;
                if (record.refused()) {
                    c[2]++;
                    refusals++;
                }
            }
        }
        List<BandAgreement> rows = new ArrayList<>(3);
        for (Map.Entry<RiskBand, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            rows.add(new BandAgreement(e.getKey(), c[0], (double) c[0] / scores.length, expectedShare(thresholds, e.getKey()),
                    c[1], c[2], c[1] == 0 ? Double.NaN : (double) c[2] / c[1],
                    refusals == 0 ? Double.NaN : (double) c[2] / refusals));
        }
        return rows;
    }

    private static double expectedShare(BandThresholds t, RiskBand band) {
        return switch (band) {
            case HIGH -> t.highShare();
            case MEDIUM -> t.mediumShare() - t.highShare();
            case LOW -> 1 - t.mediumShare();
        };
    }

    private static DriftPeriod period(DecisionDataset data) {
        List<DecisionRecord> records = data.records();
        int labelled = 0;
        int refusals = 0;
        for (DecisionRecord r : records) {
            labelled += r.labelled() ? 1 : 0;
            refusals += r.labelled() && r.refused() ? 1 : 0;
        }
        // Undecided applications (drift of the live system) carry their scoring time: they do not date a decision.
        List<DecisionRecord> decided = records.stream().filter(DecisionRecord::decided).toList();
        return new DriftPeriod(decided.isEmpty() ? null : decided.get(0).decidedAt(),
                decided.isEmpty() ? null : decided.get(decided.size() - 1).decidedAt(), records.size(),
                labelled, refusals, data.outcomeCounts(), data.sourceSha256());
    }
}
