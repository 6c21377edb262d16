package org.licencerisk.model.golden;

import com.fasterxml.jackson.core.type.TypeReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.scoring.RiskScore;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The checked-in golden artifacts load with this build and score exactly as they did when written. */
class GoldenArtifactTest {

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenArtifactTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing golden resource " + name + ".");
            }
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"logistic", "xgboost", "logistic-crosses"})
    void theGoldenArtifactScoresIdentically(String kind) throws IOException {
        ModelArtifact artifact = ModelArtifact.loadFromClasspath("/golden/" + kind);
        List<LicenceApplication> applications = GoldenArtifacts.applications(resource(GoldenArtifacts.APPLICATIONS));
        List<RiskScore> expected = Json.mapper().readValue(resource(kind + "/" + GoldenArtifacts.EXPECTED),
                new TypeReference<>() { });
        List<RiskScore> actual = GoldenArtifacts.scores(artifact.scorer(), applications);
        assertEquals(32, actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), kind + " application " + applications.get(i).applicationId());
        }
    }
}
