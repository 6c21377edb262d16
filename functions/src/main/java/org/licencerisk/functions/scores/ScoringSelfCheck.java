package org.licencerisk.functions.scores;

import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.scoring.RiskScore;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Proves that the Lambda deployment package alone can load a model artifact and score: CI runs
 * {@code java -cp functions/target/licence-risk-functions.jar org.licencerisk.functions.scores.ScoringSelfCheck DIR},
 * since the package leaves out libraries the local classpath has (XGBoost, CSV loading, the JLine console).
 */
public final class ScoringSelfCheck {

    private ScoringSelfCheck() {
    }

    /** Loads the artifact in {@code args[0]}, scores the made-up priming application and prints the score. */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("Usage: ScoringSelfCheck MODEL_DIR");
        }
        String body;
        try (InputStream in = ScoringSelfCheck.class.getResourceAsStream("priming-application.json")) {
            if (in == null) {
                throw new IllegalStateException("The priming application is missing from the jar.");
            }
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        RiskScore score = ModelArtifact.load(Path.of(args[0])).scorer().score(new ApplicationParser().parse(body));
        System.out.println(Json.mapper().writeValueAsString(score));
    }
}
