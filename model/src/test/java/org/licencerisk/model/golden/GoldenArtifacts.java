package org.licencerisk.model.golden;

import com.fasterxml.jackson.core.type.TypeReference;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.scoring.RiskScore;
import org.licencerisk.model.scoring.RiskScorer;
import org.licencerisk.model.testing.SyntheticData;
import org.licencerisk.model.training.ProgressListener;
import org.licencerisk.model.training.RiskModelTrainer;
import org.licencerisk.model.training.TrainerKind;
import org.licencerisk.model.training.TrainingOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the checked-in golden artifacts under {@code model/src/test/resources/golden}: a small logistic and a
 * small XGBoost model, the applications they are checked on and the scores they gave when written.
 * <p>
 * Run it only when a deliberate change (feature encoding, reference data, artifact format) makes the old golden
 * files unreadable, and say so in the commit:
 * {@code mvn -q -pl model test-compile && java -cp "model/target/classes:model/target/test-classes:$(cat model/target/test.classpath)" org.licencerisk.model.golden.GoldenArtifacts model/src/test/resources/golden [NAME...]}
 * (see {@code model/src/test/resources/golden/README.md}).
 */
public final class GoldenArtifacts {

    /**
     * The golden artifacts: {@code logistic} and {@code xgboost} were written before feature crosses, recency
     * weights and the choice of settings existed, and are kept to prove such artifacts still load and score
     * identically; {@code logistic-crosses} is written by the current trainer with its settings chosen on the
     * validation period taken as given, crosses on (crosses in its features and factors, a selection record, ECE in
     * its metrics).
     */
    static final List<String> ARTIFACTS = List.of("logistic", "xgboost", "logistic-crosses");

    /** The options an artifact is (re)written with. */
    static TrainingOptions options(String name) {
        return switch (name) {
            case "logistic", "xgboost" -> TrainingOptions.builder(TrainerKind.fromId(name)).seed(1L).validationShare(0.2)
                    .epochs(5).learningRate(0.5).l2(0).halfLifeDays(0).crosses(false).trees(30).maxDepth(3).eta(0.2)
                    .tune(false).build();
            case "logistic-crosses" -> TrainingOptions.builder(TrainerKind.LOGISTIC).seed(1L).epochs(5).crosses(true)
                    .tune(false).build();
            default -> throw new IllegalArgumentException("No golden artifact is called '" + name + "'; known are "
                    + ARTIFACTS + ".");
        };
    }
    static final String APPLICATIONS = "applications.json";
    static final String EXPECTED = "expected-scores.json";

    private GoldenArtifacts() {
    }

    static List<LicenceApplication> applications(byte[] json) throws IOException {
        List<com.fasterxml.jackson.databind.JsonNode> nodes = Json.mapper().readValue(json, new TypeReference<>() { });
        ApplicationParser parser = new ApplicationParser();
        return nodes.stream().map(parser::parse).toList();
    }

    static List<RiskScore> scores(RiskScorer scorer, List<LicenceApplication> applications) {
        return applications.stream().map(scorer::score).toList();
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        DecisionDataset data = SyntheticData.dataset(3000);
        List<LicenceApplication> applications = new ArrayList<>();
        ApplicationParser parser = new ApplicationParser();
        for (String fixture : List.of("surveillance-high-risk.json", "crypto-low-risk.json")) {
            applications.add(org.licencerisk.model.testing.Fixtures.application(fixture));
        }
        for (DecisionRecord r : data.records().subList(data.records().size() - 30, data.records().size())) {
            applications.add(r.application());
        }
        Files.createDirectories(dir);
        Files.write(dir.resolve(APPLICATIONS), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(applications));
        List<String> names = args.length > 1 ? List.of(args).subList(1, args.length) : ARTIFACTS;
        for (String name : names) {
            ModelArtifact artifact = new RiskModelTrainer(options(name), ProgressListener.NONE)
                    .train(data, null, "synthetic-3000-seed" + SyntheticData.SEED + ".jsonl").artifact();
            Path target = dir.resolve(name);
            if (Files.exists(target)) {
                try (var files = Files.list(target)) {
                    for (Path f : files.toList()) {
                        Files.delete(f);
                    }
                }
            }
            artifact.writeTo(target);
            List<RiskScore> expected = scores(ModelArtifact.load(target).scorer(), applications);
            Files.write(target.resolve(EXPECTED), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(expected));
        }
    }
}
