package org.licencerisk.functions.denials;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.licencerisk.functions.storage.Cursors;
import org.licencerisk.functions.storage.InvalidCursorException;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.functions.storage.PartitionReads;
import org.licencerisk.functions.storage.Storage;
import org.licencerisk.model.json.Json;
import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialStatus;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.licencerisk.functions.storage.Items.lng;
import static org.licencerisk.functions.storage.Items.n;
import static org.licencerisk.functions.storage.Items.s;
import static org.licencerisk.functions.storage.Items.str;

/**
 * The denials table (docs/table-design.md): key {@code (denialId, sk)}; {@code sk = CURRENT} for the current version
 * (with the list index's keys), {@code V#0000000001}… for every version, and one item
 * {@code (#REGISTER, HEAD)} counting the register's changes. The denial's content is one JSON attribute.
 */
public final class DynamoDbDenialRepository implements DenialRepository {

    /** Partition key. */
    public static final String DENIAL_ID = "denialId";
    /** Sort key. */
    public static final String SK = "sk";
    /** The list index and its keys. */
    public static final String LIST_INDEX = "byStatus";
    public static final String LIST_STATUS = "listStatus";
    public static final String LIST_KEY = "listKey";
    /** The sort key of current versions. */
    public static final String CURRENT = "CURRENT";
    /** The register's change counter: an id no denial can have ({@code #} is not allowed in denial ids). */
    public static final String REGISTER = "#REGISTER";
    public static final String HEAD = "HEAD";
    private static final String VERSION_PREFIX = "V#";
    private static final List<DenialStatus> ORDER = List.of(DenialStatus.VALID, DenialStatus.REVOKED);
    private static final Set<String> CURSOR_AT_KEY = Set.of("status", LIST_STATUS, LIST_KEY, DENIAL_ID, SK);
    private static final Set<String> CURSOR_AT_STATUS = Set.of("status");
    private static final Set<String> INDEX_KEY = Set.of(LIST_STATUS, LIST_KEY, DENIAL_ID, SK);

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbDenialRepository(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<StoredDenial> find(String denialId) {
        Map<String, AttributeValue> item = Storage.call(() -> client.getItem(b -> b.tableName(table)
                .key(Map.of(DENIAL_ID, s(denialId), SK, s(CURRENT))).consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public List<StoredDenial> history(String denialId) {
        return PartitionReads.withSortKeyPrefix(client, table, DENIAL_ID, denialId, SK, VERSION_PREFIX).stream()
                .map(DynamoDbDenialRepository::fromItem).toList();
    }

    @Override
    public boolean insertVersion(StoredDenial next) {
        Map<String, AttributeValue> item = toItem(next);
        item.put(SK, s(versionKey(next.version())));
        try {
            Storage.run(() -> client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#sk)")
                    .expressionAttributeNames(Map.of("#sk", SK))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public void advanceCurrent(StoredDenial stored) {
        Map<String, AttributeValue> item = toItem(stored);
        item.put(SK, s(CURRENT));
        item.put(LIST_STATUS, s(stored.denial().status().name()));
        item.put(LIST_KEY, s(stored.denial().notifyingState() + "#" + stored.denial().denialId()));
        try {
            Storage.run(() -> client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#sk) OR #version < :version")
                    .expressionAttributeNames(Map.of("#sk", SK, "#version", "version"))
                    .expressionAttributeValues(Map.of(":version", n(stored.version())))));
        } catch (ConditionalCheckFailedException laterIsCurrent) {
            // A later version is current already.
        }
    }

    @Override
    public long recordChange(Instant at) {
        Map<String, AttributeValue> after = Storage.call(() -> client.updateItem(b -> b.tableName(table)
                .key(Map.of(DENIAL_ID, s(REGISTER), SK, s(HEAD)))
                .updateExpression("ADD #version :one SET #changedAt = :at")
                .expressionAttributeNames(Map.of("#version", "registerVersion", "#changedAt", "changedAt"))
                .expressionAttributeValues(Map.of(":one", n(1), ":at", s(at.toString())))
                .returnValues(ReturnValue.UPDATED_NEW))).attributes();
        return lng(after, "registerVersion");
    }

    @Override
    public long registerVersion() {
        Map<String, AttributeValue> item = Storage.call(() -> client.getItem(b -> b.tableName(table)
                .key(Map.of(DENIAL_ID, s(REGISTER), SK, s(HEAD))).consistentRead(true))).item();
        return item == null || item.isEmpty() ? 0 : lng(item, "registerVersion");
    }

    @Override
    public Page<StoredDenial> list(DenialStatus status, String notifyingState, int limit, String cursor) {
        List<DenialStatus> statuses = status == null ? ORDER : List.of(status);
        int index = 0;
        Map<String, AttributeValue> start = null;
        if (cursor != null) {
            Map<String, String> fields = Cursors.decodeOneOf(cursor, List.of(CURSOR_AT_KEY, CURSOR_AT_STATUS));
            index = statuses.indexOf(parseStatus(fields.get("status")));
            if (index < 0 || (fields.containsKey(LIST_STATUS) && !fields.get(LIST_STATUS).equals(fields.get("status")))) {
                throw new InvalidCursorException();
            }
            if (fields.containsKey(LIST_STATUS)) {
                start = Cursors.key(fields, INDEX_KEY);
            }
        }
        List<StoredDenial> items = new ArrayList<>(limit);
        while (index < statuses.size()) {
            DenialStatus current = statuses.get(index);
            Map<String, AttributeValue> exclusiveStart = start;
            int remaining = limit - items.size();
            Map<String, String> names = new HashMap<>(Map.of("#status", LIST_STATUS));
            Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(current.name())));
            String condition = "#status = :status";
            if (notifyingState != null) {
                names.put("#key", LIST_KEY);
                values.put(":state", s(notifyingState + "#"));
                condition += " AND begins_with(#key, :state)";
            }
            String keyCondition = condition;
            QueryResponse r = Storage.call(() -> client.query(b -> b.tableName(table).indexName(LIST_INDEX)
                    .keyConditionExpression(keyCondition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .limit(remaining)
                    .exclusiveStartKey(exclusiveStart)));
            r.items().forEach(i -> items.add(fromItem(i)));
            boolean more = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty();
            if (items.size() >= limit) {
                if (more) {
                    Map<String, String> extra = new LinkedHashMap<>();
                    extra.put("status", current.name());
                    return new Page<>(items, Cursors.encode(r.lastEvaluatedKey(), extra));
                }
                return new Page<>(items, index + 1 < statuses.size()
                        ? Cursors.encode(null, Map.of("status", statuses.get(index + 1).name())) : null);
            }
            if (more) {
                start = r.lastEvaluatedKey();
            } else {
                index++;
                start = null;
            }
        }
        return new Page<>(items, null);
    }

    @Override
    public List<Denial> validDenials() {
        // One partition of the list index (a Query, no Scan): the current versions whose status is VALID.
        List<Denial> out = new ArrayList<>();
        Storage.call(() -> client.queryPaginator(b -> b.tableName(table).indexName(LIST_INDEX)
                        .keyConditionExpression("#status = :valid")
                        .expressionAttributeNames(Map.of("#status", LIST_STATUS))
                        .expressionAttributeValues(Map.of(":valid", s(DenialStatus.VALID.name())))).items().stream()
                        .toList())
                .forEach(i -> out.add(fromItem(i).denial()));
        return out;
    }

    private static String versionKey(long version) {
        return VERSION_PREFIX + String.format(Locale.ROOT, "%010d", version);
    }

    private static DenialStatus parseStatus(String name) {
        for (DenialStatus s : DenialStatus.values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new InvalidCursorException();
    }

    private static Map<String, AttributeValue> toItem(StoredDenial d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(DENIAL_ID, s(d.denial().denialId()));
        item.put("version", n(d.version()));
        item.put("contentHash", s(d.contentHash()));
        item.put("changedAt", s(d.changedAt().toString()));
        item.put("changedBy", s(d.changedBy()));
        try {
            item.put("denial", s(Json.mapper().writeValueAsString(d.denial())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A denial could not be written as JSON.", e);
        }
        return item;
    }

    private static StoredDenial fromItem(Map<String, AttributeValue> item) {
        Denial denial;
        try {
            denial = Json.mapper().readValue(str(item, "denial"), Denial.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored denial could not be read.", e);
        }
        return new StoredDenial(denial, lng(item, "version"), str(item, "contentHash"),
                Instant.parse(str(item, "changedAt")), str(item, "changedBy"));
    }
}
