package org.licencerisk.functions.testing;

import org.licencerisk.functions.scores.InputHash;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.scoring.BandThresholds;
import org.licencerisk.model.scoring.Calibration;
import org.licencerisk.model.scoring.Factor;
import org.licencerisk.model.scoring.RedFlag;
import org.licencerisk.model.scoring.RiskScore;
import org.licencerisk.model.scoring.RiskScorer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The model the tests score with, built once per test JVM. */
public final class TestModel {

    private static RiskScorer scorer;

    private TestModel() {
    }

    /** Returns the scorer. */
    public static synchronized RiskScorer scorer() {
        if (scorer == null) {
            scorer = new HashScorer();
        }
        return scorer;
    }

    /** A stand-in until the default model can be trained here: a score derived from the content hash. */
    private static final class HashScorer implements RiskScorer {
        private final BandThresholds thresholds = new BandThresholds(0.3, 0.6, 0.1, 0.3);
        private final ModelManifest manifest = new ModelManifest(1, "test-hash-model", Instant.parse("2026-01-01T00:00:00Z"),
                "logistic", Map.of(), 42, List.of(), 1, "fp", "ref-1", Calibration.IDENTITY, thresholds, null, null,
                "a", "b", "{}");

        @Override
        public RiskScore score(LicenceApplication application) {
            double s = Integer.parseInt(InputHash.of(application).substring(0, 4), 16) / 65536.0;
            return new RiskScore(s, thresholds.band(s), manifest.modelVersion(), "ref-1",
                    List.of(new Factor("destinationCountry=" + application.destinationCountry(), 0.5, "The destination raises the risk.")),
                    List.of(new RedFlag("TEST_FLAG", "2", "A test flag.")));
        }

        @Override
        public ModelManifest manifest() {
            return manifest;
        }
    }
}
