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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.licencerisk.functions.storage.Items.lng;
import static org.licencerisk.functions.storage.Items.n;
import static org.licencerisk.functions.storage.Items.optStr;
import static org.licencerisk.functions.storage.Items.s;
import static org.licencerisk.functions.storage.Items.str;
import static org.licencerisk.functions.storage.TableDefinitions.MODEL_VERSION;
import static org.licencerisk.functions.storage.TableDefinitions.REGISTRY;

/**
 * The registry in the models table. Three partitions: {@code MODEL} (one item per model version, the manifest as JSON
 * text), {@code POINTER} (the one item {@code CHAMPION}: the current champion and the change that made it) and
 * {@code PROMOTION} (one audit item per pointer revision, sort key the zero-padded revision).
 */
public final class DynamoDbModelRegistry implements ModelRegistry {

    private static final String MODELS = "MODEL";
    private static final String POINTER = "POINTER";
    private static final String CHAMPION = "CHAMPION";
    private static final String PROMOTIONS = "PROMOTION";
    /** The most items one listing reads; a registry is expected to hold tens of models and promotions. */
    private static final int MAX_ITEMS = 1000;

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbModelRegistry(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public boolean register(ModelManifest manifest, StoredArtifact artifact, String registeredBy, Instant registeredAt,
                            HeldOutComparison comparison) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(REGISTRY, s(MODELS));
        item.put(MODEL_VERSION, s(manifest.modelVersion()));
        item.put("registeredAt", s(registeredAt.toString()));
        item.put("registeredBy", s(registeredBy));
        item.put("manifest", s(Json.write(manifest)));
        item.put("modelStatus", s(ModelStatus.CANDIDATE.name()));
        item.put("statusRevision", n(0L));
        item.put("statusChangedAt", s(registeredAt.toString()));
        item.put("statusChangedBy", s(registeredBy));
        if (artifact != null) {
            item.put("artifactLocation", s(artifact.location()));
            item.put("artifactSha256", s(artifact.modelSha256()));
            item.put("manifestSha256", s(artifact.manifestSha256()));
        }
        if (comparison != null) {
            item.put("comparison", s(Json.write(comparison)));
        }
        try {
            Storage.run(() -> client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#v)")
                    .expressionAttributeNames(Map.of("#v", MODEL_VERSION))));
            return true;
        } catch (ConditionalCheckFailedException alreadyRegistered) {
            return false;
        }
    }

    @Override
    public List<RegisteredModel> list() {
        List<RegisteredModel> models = query(MODELS, DynamoDbModelRegistry::model);
        models.sort(Comparator.comparing(RegisteredModel::registeredAt).reversed()
                .thenComparing(m -> m.manifest().modelVersion()));
        return models;
    }

    @Override
    public Optional<RegisteredModel> find(String modelVersion) {
        return get(MODELS, modelVersion).map(DynamoDbModelRegistry::model);
    }

    @Override
    public Optional<PromotionRecord> champion() {
        return get(POINTER, CHAMPION).map(item -> read(str(item, "change"), PromotionRecord.class));
    }

    @Override
    public boolean moveChampion(PromotionRecord next) {
        if (next.revision() < 1) {
            throw new IllegalArgumentException("A pointer revision starts at 1, found " + next.revision() + ".");
        }
        Map<String, AttributeValue> item = Map.of(REGISTRY, s(POINTER), MODEL_VERSION, s(CHAMPION),
                "championVersion", s(next.toVersion()), "revision", n(next.revision()), "change", s(Json.write(next)));
        try {
            if (next.revision() == 1) {
                Storage.run(() -> client.putItem(b -> b.tableName(table).item(item)
                        .conditionExpression("attribute_not_exists(#v)")
                        .expressionAttributeNames(Map.of("#v", MODEL_VERSION))));
            } else {
                Storage.run(() -> client.putItem(b -> b.tableName(table).item(item)
                        .conditionExpression("#rev = :expected")
                        .expressionAttributeNames(Map.of("#rev", "revision"))
                        .expressionAttributeValues(Map.of(":expected", n(next.revision() - 1)))));
            }
            return true;
        } catch (ConditionalCheckFailedException concurrentChange) {
            return false;
        }
    }

    @Override
    public void recordPromotion(PromotionRecord change) {
        try {
            Storage.run(() -> client.putItem(b -> b.tableName(table)
                    .item(Map.of(REGISTRY, s(PROMOTIONS), MODEL_VERSION, s(revisionKey(change.revision())),
                            "change", s(Json.write(change))))
                    .conditionExpression("attribute_not_exists(#v)")
                    .expressionAttributeNames(Map.of("#v", MODEL_VERSION))));
        } catch (ConditionalCheckFailedException recordedAlready) {
            // The record of this revision is stored; a repeat writes nothing.
        }
    }

    @Override
    public void setStatus(String modelVersion, ModelStatus status, long revision, String by, Instant at) {
        try {
            Storage.run(() -> client.updateItem(b -> b.tableName(table)
                    .key(Map.of(REGISTRY, s(MODELS), MODEL_VERSION, s(modelVersion)))
                    .updateExpression("SET #st = :st, #rev = :rev, #at = :at, #by = :by")
                    .conditionExpression("attribute_exists(#v) AND (attribute_not_exists(#rev) OR #rev < :rev)")
                    .expressionAttributeNames(Map.of("#st", "modelStatus", "#rev", "statusRevision",
                            "#at", "statusChangedAt", "#by", "statusChangedBy", "#v", MODEL_VERSION))
                    .expressionAttributeValues(Map.of(":st", s(status.name()), ":rev", n(revision),
                            ":at", s(at.toString()), ":by", s(by)))));
        } catch (ConditionalCheckFailedException newerOrMissing) {
            // A later pointer revision set the status already, or the model is not registered: nothing to do.
        }
    }

    @Override
    public boolean changeStatus(String modelVersion, java.util.Set<ModelStatus> from, long statusRevision,
                                ModelStatus to, String by, Instant at) {
        if (from.isEmpty()) {
            throw new IllegalArgumentException("A status change needs at least one status to change from.");
        }
        Map<String, String> names = Map.of("#st", "modelStatus", "#rev", "statusRevision", "#at", "statusChangedAt",
                "#by", "statusChangedBy", "#v", MODEL_VERSION);
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> placeholders = new ArrayList<>();
        for (ModelStatus status : from) {
            String placeholder = ":from" + placeholders.size();
            placeholders.add(placeholder);
            values.put(placeholder, s(status.name()));
        }
        values.put(":to", s(to.name()));
        values.put(":rev", n(statusRevision));
        values.put(":at", s(at.toString()));
        values.put(":by", s(by));
        // Items written before statuses existed read as candidates at revision 0.
        String statusCondition = "#st IN (" + String.join(", ", placeholders) + ")"
                + (from.contains(ModelStatus.CANDIDATE) ? " OR attribute_not_exists(#st)" : "");
        String revisionCondition = "#rev = :rev" + (statusRevision == 0 ? " OR attribute_not_exists(#rev)" : "");
        try {
            Storage.run(() -> client.updateItem(b -> b.tableName(table)
                    .key(Map.of(REGISTRY, s(MODELS), MODEL_VERSION, s(modelVersion)))
                    .updateExpression("SET #st = :to, #at = :at, #by = :by")
                    .conditionExpression("attribute_exists(#v) AND (" + statusCondition + ") AND ("
                            + revisionCondition + ")")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)));
            return true;
        } catch (ConditionalCheckFailedException changedMeanwhile) {
            return false;
        }
    }

    @Override
    public List<PromotionRecord> promotions() {
        List<PromotionRecord> changes = query(PROMOTIONS, item -> read(str(item, "change"), PromotionRecord.class));
        changes.sort(Comparator.comparingLong(PromotionRecord::revision).reversed());
        return changes;
    }

    /** Fixed width, so that string order is revision order. */
    private static String revisionKey(long revision) {
        return String.format("%012d", revision);
    }

    private Optional<Map<String, AttributeValue>> get(String partition, String sortKey) {
        Map<String, AttributeValue> item = Storage.call(() -> client.getItem(b -> b.tableName(table).consistentRead(true)
                .key(Map.of(REGISTRY, s(partition), MODEL_VERSION, s(sortKey))))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
    }

    private <T> List<T> query(String partition, Function<Map<String, AttributeValue>, T> reader) {
        List<T> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse response = Storage.call(() -> client.query(b -> b.tableName(table)
                    .keyConditionExpression("#r = :r")
                    .expressionAttributeNames(Map.of("#r", REGISTRY))
                    .expressionAttributeValues(Map.of(":r", s(partition)))
                    .exclusiveStartKey(exclusiveStart)));
            response.items().forEach(item -> out.add(reader.apply(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null && out.size() < MAX_ITEMS);
        return out;
    }

    private static RegisteredModel model(Map<String, AttributeValue> item) {
        Instant registeredAt = Instant.parse(str(item, "registeredAt"));
        // Items written before statuses existed carry only the manifest and the time: read them as candidates.
        String status = optStr(item, "modelStatus");
        String location = optStr(item, "artifactLocation");
        String comparison = optStr(item, "comparison");
        return new RegisteredModel(read(str(item, "manifest"), ModelManifest.class), registeredAt,
                Optional.ofNullable(optStr(item, "registeredBy")).orElse("scoring-function"),
                status == null ? ModelStatus.CANDIDATE : ModelStatus.valueOf(status),
                item.containsKey("statusRevision") ? lng(item, "statusRevision") : 0L,
                Optional.ofNullable(optStr(item, "statusChangedAt")).map(Instant::parse).orElse(registeredAt),
                optStr(item, "statusChangedBy"),
                location == null ? null : new StoredArtifact(location, str(item, "artifactSha256"),
                        str(item, "manifestSha256")),
                comparison == null ? null : read(comparison, HeldOutComparison.class));
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored registry value could not be read.", e);
        }
    }
}
