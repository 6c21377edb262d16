package org.licencerisk.model.artifact;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.io.AtomicFiles;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.scoring.ExplainedRiskScorer;
import org.licencerisk.model.scoring.LogOddsModel;
import org.licencerisk.model.scoring.RiskScorer;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.protos.core.ModelProto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A trained model with its manifest: the Tribuo model in protobuf form ({@value #MODEL_FILE}) and the manifest
 * ({@value #MANIFEST_FILE}) in one directory.
 * <p>
 * Loading verifies the model file's SHA-256 against the manifest, the artifact format, and that this build can
 * reproduce the manifest's feature definition (same fingerprint, encoding version and reference data); a
 * tampered or incompatible artifact is refused with an {@link ArtifactException} that says why.
 */
public final class ModelArtifact {

    /** The protobuf model's file name. */
    public static final String MODEL_FILE = "model.tribuo";
    /** The manifest's file name. */
    public static final String MANIFEST_FILE = "manifest.json";

    private final ModelManifest manifest;
    private final Model<Label> model;
    private final byte[] modelBytes;
    private final FeatureDefinition definition;
    private final LogOddsModel logOdds;

    private ModelArtifact(ModelManifest manifest, Model<Label> model, byte[] modelBytes, FeatureDefinition definition) {
        this.manifest = manifest;
        this.model = model;
        this.modelBytes = modelBytes;
        this.definition = definition;
        this.logOdds = LogOddsModel.of(model);
    }

    /**
     * Creates an artifact from a freshly trained model. The manifest's {@code modelFileSha256} must be that of
     * {@code modelBytes}; {@link #serialize(Model)} gives them.
     */
    public static ModelArtifact of(ModelManifest manifest, Model<Label> model, byte[] modelBytes) {
        return new ModelArtifact(manifest, model, modelBytes.clone(), verifiedDefinition(manifest));
    }

    /** Returns the protobuf bytes of a Tribuo model. */
    public static byte[] serialize(Model<Label> model) {
        return model.serialize().toByteArray();
    }

    /** Loads and verifies the artifact in a directory. */
    public static ModelArtifact load(Path dir) {
        Objects.requireNonNull(dir, "dir");
        Path manifestFile = dir.resolve(MANIFEST_FILE);
        Path modelFile = dir.resolve(MODEL_FILE);
        if (!Files.isRegularFile(manifestFile) || !Files.isRegularFile(modelFile)) {
            throw new ArtifactException("The directory " + dir + " holds no model artifact: it needs "
                    + MANIFEST_FILE + " and " + MODEL_FILE + ".");
        }
        try {
            return fromBytes(Files.readAllBytes(manifestFile), Files.readAllBytes(modelFile), dir.toString());
        } catch (IOException e) {
            throw new ArtifactException("The model artifact in " + dir + " could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Loads and verifies an artifact packaged on the classpath, e.g. {@code /models/default}, as a Lambda
     * function bundles it.
     */
    public static ModelArtifact loadFromClasspath(String resourceDir) {
        String base = resourceDir.endsWith("/") ? resourceDir : resourceDir + "/";
        return fromBytes(resource(base + MANIFEST_FILE), resource(base + MODEL_FILE), "classpath:" + base);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ModelArtifact.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ArtifactException("The classpath holds no " + name + ".");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ArtifactException("The classpath resource " + name + " could not be read.", e);
        }
    }

    private static ModelArtifact fromBytes(byte[] manifestBytes, byte[] modelBytes, String where) {
        ModelManifest manifest;
        try {
            manifest = Json.mapper().readValue(manifestBytes, ModelManifest.class);
        } catch (IOException e) {
            throw new ArtifactException("The manifest of the model artifact at " + where + " is not a valid manifest.", e);
        }
        if (manifest.formatVersion() != ModelManifest.FORMAT_VERSION) {
            throw new ArtifactException("The model artifact at " + where + " has format version " + manifest.formatVersion()
                    + "; this build reads version " + ModelManifest.FORMAT_VERSION + ".");
        }
        String actual = AtomicFiles.sha256(modelBytes);
        if (!actual.equals(manifest.modelFileSha256())) {
            throw new ArtifactException("The model file of " + manifest.modelVersion() + " at " + where
                    + " does not match its manifest's SHA-256: the artifact was altered or damaged and is refused.");
        }
        FeatureDefinition definition = verifiedDefinition(manifest);
        Model<Label> model;
        try {
            model = Model.deserialize(ModelProto.parseFrom(modelBytes)).castModel(Label.class);
        } catch (IOException | RuntimeException e) {
            throw new ArtifactException("The model file of " + manifest.modelVersion() + " at " + where
                    + " is not a Tribuo classification model in protobuf form.", e);
        }
        try {
            return new ModelArtifact(manifest, model, modelBytes, definition);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException("The model " + manifest.modelVersion() + " cannot be used: " + e.getMessage(), e);
        }
    }

    private static FeatureDefinition verifiedDefinition(ModelManifest manifest) {
        if (manifest.encodingVersion() != FeatureDefinition.ENCODING_VERSION) {
            throw new ArtifactException("Model " + manifest.modelVersion() + " was trained with feature encoding version "
                    + manifest.encodingVersion() + "; this build encodes version " + FeatureDefinition.ENCODING_VERSION
                    + ". Retrain the model with this build.");
        }
        FeatureDefinition definition;
        try {
            definition = new FeatureDefinition(manifest.features(), manifest.crosses(), manifest.referenceDataVersion());
        } catch (IllegalArgumentException e) {
            throw new ArtifactException("The feature definition of model " + manifest.modelVersion()
                    + " is incompatible with this build: " + e.getMessage(), e);
        }
        if (!definition.fingerprint().equals(manifest.featureFingerprint())) {
            throw new ArtifactException("The feature definition of model " + manifest.modelVersion()
                    + " does not match its fingerprint: the manifest was altered or written by an incompatible build.");
        }
        return definition;
    }

    /** Writes further files (reports) into the artifact's directory before it is moved into place. */
    @FunctionalInterface
    public interface CompanionFiles {
        /** Writes files into {@code directory}. */
        void writeInto(Path directory) throws IOException;
    }

    /**
     * Writes the artifact into {@code dir}, which must not exist or be empty. Both files are written into a
     * temporary sibling directory that is renamed into place once complete, so a failure leaves nothing behind.
     */
    public void writeTo(Path dir) {
        writeTo(dir, directory -> { });
    }

    /** Writes the artifact and its companion files (e.g. {@code metrics.json}, {@code report.html}) atomically. */
    public void writeTo(Path dir, CompanionFiles companions) {
        Path target = dir.toAbsolutePath();
        try {
            if (Files.isDirectory(target)) {
                try (Stream<Path> s = Files.list(target)) {
                    if (s.findAny().isPresent()) {
                        throw new ArtifactException("The directory " + dir + " is not empty; choose a new directory for the model artifact.");
                    }
                }
                Files.delete(target);
            }
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".");
            try {
                Files.write(tmp.resolve(MODEL_FILE), modelBytes);
                Files.write(tmp.resolve(MANIFEST_FILE), manifestJson());
                companions.writeInto(tmp);
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException | RuntimeException e) {
                AtomicFiles.deleteTreeQuietly(tmp);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The model artifact could not be written to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Returns the manifest as pretty-printed JSON. */
    public byte[] manifestJson() {
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The manifest could not be written as JSON.", e);
        }
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** Returns the Tribuo model. */
    public Model<Label> model() {
        return model;
    }

    /** Returns the feature definition the model was trained with. */
    public FeatureDefinition definition() {
        return definition;
    }

    /** Returns the model's log-odds and contributions. */
    public LogOddsModel logOdds() {
        return logOdds;
    }

    /**
     * Returns a scorer for API applications, against the reference data shipped in this build.
     *
     * @throws ArtifactException if the model has features not tied to application fields, or was trained on
     *                           other reference data
     */
    public RiskScorer scorer() {
        try {
            return new ExplainedRiskScorer(manifest, definition, ReferenceData.shipped(), logOdds);
        } catch (IllegalArgumentException e) {
            throw new ArtifactException(e.getMessage(), e);
        }
    }
}
