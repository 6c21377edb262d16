package org.licencerisk.model.data;

import org.licencerisk.model.features.FeatureDefinition;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Historical decisions loaded from one source, sorted by decision time, with the feature definition they
 * were read under and the SHA-256 of the source file.
 *
 * @param definition    the feature definition of the records' raw values
 * @param records       every record, labelled or not, oldest decision first
 * @param sourceSha256  SHA-256 of the source file's bytes
 */
public record DecisionDataset(FeatureDefinition definition, List<DecisionRecord> records, String sourceSha256) {

    public DecisionDataset {
        records = records.stream().sorted(Comparator.comparing(DecisionRecord::decidedAt)
                .thenComparing(DecisionRecord::id)).toList();
    }

    /** Returns the approved and refused records, oldest first. */
    public List<DecisionRecord> labelled() {
        return records.stream().filter(DecisionRecord::labelled).toList();
    }

    /** Returns how many records each outcome has, including those not learned from. */
    public Map<String, Integer> outcomeCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        for (DecisionRecord r : records) {
            counts.merge(r.outcome(), 1, Integer::sum);
        }
        return counts;
    }

    /** Returns the records decided strictly before {@code instant}. */
    public DecisionDataset before(Instant instant) {
        return new DecisionDataset(definition,
                records.stream().filter(r -> r.decidedAt().isBefore(instant)).toList(), sourceSha256);
    }

    /** Returns the records decided at or after {@code instant}. */
    public DecisionDataset from(Instant instant) {
        return new DecisionDataset(definition,
                records.stream().filter(r -> !r.decidedAt().isBefore(instant)).toList(), sourceSha256);
    }
}
