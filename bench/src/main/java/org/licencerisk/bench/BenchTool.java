package org.licencerisk.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.features.EncodedFeatures;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.training.TrainerKind;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What {@code scripts/bench-model} prepares outside JMH:
 * <ul>
 *     <li>{@code artifacts DIR}: trains the logistic and the XGBoost model on the 20,000-row synthetic log (default
 *     options and seed) and writes them into {@code DIR/logistic} and {@code DIR/xgboost}, for the cold-load probe;</li>
 *     <li>{@code export-features FILE}: writes the encoded features of the same log's approved and refused decisions
 *     as JSON Lines, {@code {"split":"train"|"test","refused":true|false,"features":{name:value,...}}}, split by time
 *     exactly as the trainer splits by default, for the scikit-learn peer ({@code bench/sklearn_peer.py}); the
 *     logistic model's test ROC AUC is printed, to compare the two models.</li>
 * </ul>
 * {@code java -cp bench/target/benchmarks.jar org.licencerisk.bench.BenchTool artifacts|export-features PATH}
 */
public final class BenchTool {

    private BenchTool() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2 || !List.of("artifacts", "export-features").contains(args[0])) {
            System.err.println("usage: BenchTool artifacts DIR | export-features FILE");
            System.exit(2);
        }
        Path target = Path.of(args[1]);
        if (args[0].equals("artifacts")) {
            for (TrainerKind kind : TrainerKind.values()) {
                BenchData.train(kind, BenchData.dataset(BenchData.SCORING_ROWS)).writeTo(target.resolve(kind.id()));
            }
        } else {
            exportFeatures(target);
        }
    }

    private static void exportFeatures(Path file) throws IOException {
        DecisionDataset data = BenchData.dataset(BenchData.SCORING_ROWS);
        ModelArtifact artifact = BenchData.train(TrainerKind.LOGISTIC, data);
        // The trainer's default split: the test period starts at the newest 20% of labelled decisions.
        List<DecisionRecord> labelled = data.labelled();
        var split = labelled.get((int) Math.floor(labelled.size() * 0.8)).decidedAt();
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + file.getFileName(), ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                for (DecisionRecord r : labelled) {
                    EncodedFeatures f = artifact.definition().encode(r.raw());
                    ObjectNode row = Json.mapper().createObjectNode();
                    row.put("split", r.decidedAt().isBefore(split) ? "train" : "test");
                    row.put("refused", r.refused());
                    ObjectNode features = row.putObject("features");
                    for (int i = 0; i < f.size(); i++) {
                        features.put(f.names()[i], f.values()[i]);
                    }
                    out.write(Json.mapper().writeValueAsString(row));
                    out.newLine();
                }
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        System.out.printf("exported %d labelled decisions; Java logistic model: test ROC AUC %.4f%n", labelled.size(),
                artifact.manifest().metrics().rocAuc());
    }
}
