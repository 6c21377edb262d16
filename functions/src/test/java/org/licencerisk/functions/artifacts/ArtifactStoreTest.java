package org.licencerisk.functions.artifacts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.licencerisk.functions.models.StoredArtifact;
import org.licencerisk.functions.storage.DynamoDbClientFactory;
import org.licencerisk.functions.testing.S3rver;
import org.licencerisk.functions.testing.TestModel;
import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.io.AtomicFiles;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both stores against real storage: a directory, and S3 as s3rver serves it on 127.0.0.1. */
class ArtifactStoreTest {

    @TempDir
    Path tmp;

    private static S3Objects s3() {
        return new S3Objects(Apache5HttpClient.create(), DynamoDbClientFactory.credentials(true), "eu-west-1",
                S3rver.shared().endpoint());
    }

    private ArtifactStore store(String kind) {
        return switch (kind) {
            case "local" -> new LocalArtifactStore(tmp.resolve("artifacts"));
            case "s3" -> new S3ArtifactStore(s3(), S3rver.BUCKET);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "s3"})
    void storesAnArtifactWithItsDigestsAndLoadsTheSameModelBack(String kind) throws IOException {
        ArtifactStore store = store(kind);
        Path dir = TestModel.directory();
        StoredArtifact stored = store.put(dir);
        assertEquals(AtomicFiles.sha256(dir.resolve(ModelArtifact.MODEL_FILE)), stored.modelSha256());
        assertEquals(AtomicFiles.sha256(dir.resolve(ModelArtifact.MANIFEST_FILE)), stored.manifestSha256());
        String version = TestModel.scorer().manifest().modelVersion();
        assertTrue(stored.location().contains(version), stored.location());
        ModelArtifact loaded = store.load(stored);
        assertEquals(version, loaded.manifest().modelVersion());
        assertEquals(stored.modelSha256(), loaded.manifest().modelFileSha256());
        assertEquals(TestModel.scorer().manifest(), loaded.manifest());
        assertEquals(stored, store.put(dir), "storing the same artifact again is harmless");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "s3"})
    void aDigestThatDiffersFromTheRegistrysIsRefused(String kind) {
        ArtifactStore store = store(kind);
        StoredArtifact stored = store.put(TestModel.directory());
        StoredArtifact wrong = new StoredArtifact(stored.location(), "0".repeat(64), stored.manifestSha256());
        ArtifactException e = assertThrows(ArtifactException.class, () -> store.load(wrong));
        assertTrue(e.getMessage().contains("differs from the digests in the model registry"), e.getMessage());
    }

    @Test
    void aModelFileOverwrittenInS3IsRefused() throws IOException {
        S3ArtifactStore store = new S3ArtifactStore(s3(), S3rver.BUCKET);
        StoredArtifact stored = store.put(TestModel.challengerDirectory());
        byte[] model = Files.readAllBytes(TestModel.challengerDirectory().resolve(ModelArtifact.MODEL_FILE));
        byte[] tampered = Arrays.copyOf(model, model.length);
        tampered[tampered.length / 2] ^= 0x01;
        URI location = URI.create(stored.location());
        s3().put(location.getHost(), location.getPath().substring(1) + ModelArtifact.MODEL_FILE, tampered);
        assertThrows(ArtifactException.class, () -> store.load(stored));
    }

    @Test
    void aMissingS3ObjectIsReportedAsAnIncompleteArtifact() {
        S3ArtifactStore store = new S3ArtifactStore(s3(), S3rver.BUCKET);
        StoredArtifact nowhere = new StoredArtifact("s3://" + S3rver.BUCKET + "/models/" + UUID.randomUUID() + "/",
                "a".repeat(64), "b".repeat(64));
        ArtifactException e = assertThrows(ArtifactException.class, () -> store.load(nowhere));
        assertTrue(e.getMessage().contains("incomplete"), e.getMessage());
    }

    @Test
    void anUnknownAccessKeyIsRejectedByTheServer() {
        S3Objects forged = new S3Objects(Apache5HttpClient.create(),
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("UNKNOWN", "wrong-secret")),
                "eu-west-1", S3rver.shared().endpoint());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> forged.put(S3rver.BUCKET, "models/forged/model.tribuo", new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("403"), e.getMessage());
    }

    @Test
    void aDirectoryWithoutAnArtifactIsRefusedBeforeAnythingIsStored() {
        LocalArtifactStore store = new LocalArtifactStore(tmp.resolve("artifacts"));
        assertThrows(ArtifactException.class, () -> store.put(tmp));
        assertTrue(Files.notExists(tmp.resolve("artifacts")));
    }
}
