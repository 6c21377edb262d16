package org.licencerisk.screening.names;

import org.junit.jupiter.api.Test;
import org.licencerisk.screening.matching.IndexedDenialScreener;
import org.licencerisk.screening.matching.ScreeningThresholds;
import org.licencerisk.screening.synthetic.LabelledNamePairs;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A guard on matching quality (the full measurement, 20,000 pairs, is in BENCHMARKS.md). */
class NameMatchQualityTest {

    @Test
    void precisionAndRecallAtTheDefaultThresholdOnLabelledPairs() {
        List<LabelledNamePairs.Pair> pairs = LabelledNamePairs.generate(2026, 2_000);
        TokenWeights weights = TokenWeights.priorsOnly();
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (LabelledNamePairs.Pair p : pairs) {
            double name = NameSimilarity.similarity(NameNormaliser.normalise(p.a()), NameNormaliser.normalise(p.b()), weights);
            boolean predicted = IndexedDenialScreener.partyScore(name, p.aCountry(), p.bCountry()) >= ScreeningThresholds.DEFAULT_PARTY;
            if (predicted && p.sameFirm()) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (p.sameFirm()) {
                fn++;
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        assertTrue(precision >= 0.95, "precision " + precision);
        assertTrue(recall >= 0.90, "recall " + recall);
    }
}
