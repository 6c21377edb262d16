package org.licencerisk.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.licencerisk.model.data.CsvDecisionLoader;
import org.licencerisk.model.data.CsvSchema;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.data.JsonLinesDecisionLoader;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.features.FeatureSpec;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.reference.ReferenceData;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Map;

/**
 * Exports a decision log as the model reads it, for the scikit-learn peers ({@code bench/peers/peers.py}): the
 * same loaders as {@code risk-model train} (JSON Lines of applications, or a CSV decision log with its schema), so
 * the peers see exactly the columns the project's models see, untransformed.
 * <p>
 * The first line describes the inputs ({@code {"specs": [{"name", "kind", "transform"}, ...]}}); every further
 * line is one approved or refused decision: {@code {"decidedAt", "refused", "raw": {name: value}}}.
 * <pre>{@code java -cp bench/target/benchmarks.jar org.licencerisk.bench.PeerData DATA [SCHEMA] OUT}</pre>
 */
public final class PeerData {

    private PeerData() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: PeerData DATA [SCHEMA] OUT");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path out = Path.of(args[args.length - 1]);
        DecisionDataset dataset = args.length == 3
                ? new CsvDecisionLoader().load(data, CsvSchema.read(Path.of(args[1])))
                : new JsonLinesDecisionLoader().load(data, FeatureDefinition.standard(), ReferenceData.shipped());
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = Files.createTempFile(parent, "." + out.getFileName(), ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                ObjectNode header = Json.mapper().createObjectNode();
                ArrayNode specs = header.putArray("specs");
                for (FeatureSpec s : dataset.definition().specs()) {
                    specs.addObject().put("name", s.name()).put("kind", s.kind().name())
                            .put("transform", s.transform().name());
                }
                w.write(Json.mapper().writeValueAsString(header));
                w.newLine();
                for (DecisionRecord r : dataset.labelled()) {
                    ObjectNode row = Json.mapper().createObjectNode();
                    row.put("decidedAt", r.decidedAt().toString());
                    row.put("refused", r.refused());
                    ObjectNode raw = row.putObject("raw");
                    for (Map.Entry<String, Object> e : r.raw().values().entrySet()) {
                        Object v = e.getValue();
                        if (v instanceof Collection<?> c) {
                            ArrayNode a = raw.putArray(e.getKey());
                            c.forEach(x -> a.add(x.toString()));
                        } else if (v instanceof Boolean b) {
                            raw.put(e.getKey(), b);
                        } else if (v instanceof Number n) {
                            raw.put(e.getKey(), n.doubleValue());
                        } else {
                            raw.put(e.getKey(), v.toString());
                        }
                    }
                    w.write(Json.mapper().writeValueAsString(row));
                    w.newLine();
                }
            }
            Files.move(tmp, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        System.err.printf("exported %,d labelled decisions of %s%n", dataset.labelled().size(), data.getFileName());
    }
}
