package org.licencerisk.model.artifact;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.features.FeatureKind;
import org.licencerisk.model.features.FeatureSpec;
import org.licencerisk.model.json.Json;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.licencerisk.model.testing.Fixtures.application;

class ModelArtifactTest {

    private static ModelArtifact artifact;

    @TempDir
    Path tmp;

    @BeforeAll
    static void train() {
        artifact = new RiskModelTrainer(TrainingOptions.defaults(TrainerKind.LOGISTIC).withTune(false), ProgressListener.NONE)
                .train(SyntheticData.dataset(4000), null, "synthetic.jsonl").artifact();
    }

    private Path written() {
        Path dir = tmp.resolve("model");
        artifact.writeTo(dir);
        return dir;
    }

    private static void editManifest(Path dir, java.util.function.Consumer<ObjectNode> change) throws IOException {
        Path file = dir.resolve(ModelArtifact.MANIFEST_FILE);
        ObjectNode node = (ObjectNode) Json.mapper().readTree(file.toFile());
        change.accept(node);
        Files.write(file, Json.mapper().writeValueAsBytes(node));
    }

    @Test
    void aWrittenArtifactLoadsAndScoresIdentically() {
        ModelArtifact loaded = ModelArtifact.load(written());
        assertEquals(artifact.manifest(), loaded.manifest());
        for (String name : List.of("surveillance-high-risk.json", "crypto-low-risk.json")) {
            LicenceApplication a = application(name);
            assertEquals(artifact.scorer().score(a), loaded.scorer().score(a));
        }
    }

    @Test
    void aTamperedModelFileIsRefused() throws IOException {
        Path dir = written();
        byte[] bytes = Files.readAllBytes(dir.resolve(ModelArtifact.MODEL_FILE));
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(dir.resolve(ModelArtifact.MODEL_FILE), bytes);
        ArtifactException e = assertThrows(ArtifactException.class, () -> ModelArtifact.load(dir));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
    }

    @Test
    void aManifestWhoseFeaturesWereEditedIsRefused() throws IOException {
        Path dir = written();
        // The last feature (vague end use), which no cross names: a removed crossed feature is refused earlier.
        editManifest(dir, n -> ((com.fasterxml.jackson.databind.node.ArrayNode) n.get("features"))
                .remove(n.get("features").size() - 1));
        ArtifactException e = assertThrows(ArtifactException.class, () -> ModelArtifact.load(dir));
        assertTrue(e.getMessage().contains("fingerprint"), e.getMessage());
    }

    @Test
    void aModelOfAnotherFeatureEncodingIsRefused() throws IOException {
        Path dir = written();
        editManifest(dir, n -> n.put("encodingVersion", 99));
        ArtifactException e = assertThrows(ArtifactException.class, () -> ModelArtifact.load(dir));
        assertTrue(e.getMessage().contains("encoding version 99"), e.getMessage());
    }

    @Test
    void aModelTrainedOnOtherReferenceDataCannotScore() {
        ModelManifest m = artifact.manifest();
        ModelManifest other = copyWithFeatures(m, m.features(), "refdata-other");
        ModelArtifact stale = ModelArtifact.of(other, artifact.model(), ModelArtifact.serialize(artifact.model()));
        ArtifactException e = assertThrows(ArtifactException.class, stale::scorer);
        assertTrue(e.getMessage().contains("refdata-other"), e.getMessage());
    }

    @Test
    void aModelWithUntiedColumnsCanBeLoadedButNotUsedForScoring() {
        ModelManifest m = artifact.manifest();
        List<FeatureSpec> specs = new ArrayList<>(m.features());
        specs.add(new FeatureSpec("officerTeam", FeatureKind.CATEGORICAL, org.licencerisk.model.features.Transform.NONE, null));
        ModelArtifact csvModel = ModelArtifact.of(copyWithFeatures(m, specs, m.referenceDataVersion()), artifact.model(),
                ModelArtifact.serialize(artifact.model()));
        ArtifactException e = assertThrows(ArtifactException.class, csvModel::scorer);
        assertTrue(e.getMessage().contains("[officerTeam]"), e.getMessage());
    }

    @Test
    void aMissingArtifactIsNamed() {
        ArtifactException e = assertThrows(ArtifactException.class, () -> ModelArtifact.load(tmp.resolve("nothing")));
        assertTrue(e.getMessage().contains("manifest.json"), e.getMessage());
    }

    @Test
    void writingIntoANonEmptyDirectoryIsRefusedAndLeavesItAlone() throws IOException {
        Path dir = tmp.resolve("busy");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "keep");
        assertThrows(ArtifactException.class, () -> artifact.writeTo(dir));
        assertEquals(List.of(dir.resolve("notes.txt")), Files.list(dir).toList());
    }

    @Test
    void aFailedWriteLeavesNothingBehind() throws IOException {
        Path dir = tmp.resolve("model");
        assertThrows(IOException.class, () -> {
            try {
                artifact.writeTo(dir, d -> {
                    throw new IOException("disk full");
                });
            } catch (java.io.UncheckedIOException e) {
                throw e.getCause();
            }
        });
        assertFalse(Files.exists(dir));
        assertEquals(List.of(), Files.list(tmp).toList());
    }

    @Test
    void theArtifactLoadsFromTheClasspathLikeALambdaBundlesIt() {
        ModelArtifact golden = ModelArtifact.loadFromClasspath("/golden/logistic");
        assertTrue(golden.manifest().modelVersion().startsWith("logistic-"));
        assertThrows(ArtifactException.class, () -> ModelArtifact.loadFromClasspath("/golden/none"));
    }

    private static ModelManifest copyWithFeatures(ModelManifest m, List<FeatureSpec> specs, String referenceData) {
        String fingerprint = new org.licencerisk.model.features.FeatureDefinition(specs,
                specs.equals(m.features()) ? m.crosses() : List.of(), referenceData).fingerprint();
        return new ModelManifest(m.formatVersion(), m.modelVersion(), m.createdAt(), m.trainer(), m.hyperparameters(),
                m.seed(), specs, specs.equals(m.features()) ? m.crosses() : List.of(), m.encodingVersion(), fingerprint, referenceData, m.calibration(),
                m.bandThresholds(), m.training(), m.metrics(), m.trainingDataSha256(), m.modelFileSha256(),
                m.tribuoProvenance(), m.selection());
    }

}
