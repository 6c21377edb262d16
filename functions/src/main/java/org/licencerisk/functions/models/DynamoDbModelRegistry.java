package org.licencerisk.functions.models;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.licencerisk.functions.storage.Storage;
import org.licencerisk.model.artifact.ModelManifest;
import org.licencerisk.model.json.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.licencerisk.functions.storage.Items.s;
import static org.licencerisk.functions.storage.Items.str;
import static org.licencerisk.functions.storage.TableDefinitions.MODEL_VERSION;
import static org.licencerisk.functions.storage.TableDefinitions.REGISTRY;

/** Model items in the models table: key {@code (MODEL, modelVersion)}, the manifest as JSON text. */
public final class DynamoDbModelRegistry implements ModelRegistry {

    private static final String PARTITION = "MODEL";
    /** The most models one listing reads; a registry is expected to hold tens. */
    private static final int MAX_MODELS = 1000;

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbModelRegistry(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public boolean register(ModelManifest manifest, Instant registeredAt) {
        String json;
        try {
            json = Json.mapper().writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A model manifest could not be serialised.", e);
        }
        try {
            Storage.run(() -> client.putItem(b -> b.tableName(table)
                    .item(Map.of(REGISTRY, s(PARTITION), MODEL_VERSION, s(manifest.modelVersion()),
                            "registeredAt", s(registeredAt.toString()), "manifest", s(json)))
                    .conditionExpression("attribute_not_exists(#v)")
                    .expressionAttributeNames(Map.of("#v", MODEL_VERSION))));
            return true;
        } catch (ConditionalCheckFailedException alreadyRegistered) {
            return false;
        }
    }

    @Override
    public List<RegisteredModel> list() {
        List<RegisteredModel> models = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse response = Storage.call(() -> client.query(b -> b.tableName(table)
                    .keyConditionExpression("#r = :r")
                    .expressionAttributeNames(Map.of("#r", REGISTRY))
                    .expressionAttributeValues(Map.of(":r", s(PARTITION)))
                    .exclusiveStartKey(exclusiveStart)));
            response.items().forEach(item -> models.add(fromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && models.size() < MAX_MODELS);
        models.sort(Comparator.comparing(RegisteredModel::registeredAt).reversed()
                .thenComparing(m -> m.manifest().modelVersion()));
        return models;
    }

    @Override
    public Optional<RegisteredModel> find(String modelVersion) {
        Map<String, AttributeValue> item = Storage.call(() -> client.getItem(b -> b.tableName(table)
                .key(Map.of(REGISTRY, s(PARTITION), MODEL_VERSION, s(modelVersion))))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    private static RegisteredModel fromItem(Map<String, AttributeValue> item) {
        try {
            return new RegisteredModel(Json.mapper().readValue(str(item, "manifest"), ModelManifest.class),
                    Instant.parse(str(item, "registeredAt")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored model manifest could not be read.", e);
        }
    }
}
