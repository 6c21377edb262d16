package org.licencerisk.functions.jobs;

import org.licencerisk.functions.storage.Storage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.licencerisk.functions.storage.Items.lng;
import static org.licencerisk.functions.storage.Items.n;
import static org.licencerisk.functions.storage.Items.optStr;
import static org.licencerisk.functions.storage.Items.s;
import static org.licencerisk.functions.storage.Items.str;
import static org.licencerisk.functions.storage.TableDefinitions.MODEL_VERSION;
import static org.licencerisk.functions.storage.TableDefinitions.REGISTRY;

/**
 * Checkpoints in the models table: partition {@code JOB#<kind>}, sort key the job id; attributes {@code jobStatus},
 * {@code sequence}, {@code cursor}, {@code counts} (map of numbers), {@code details} (map of strings),
 * {@code startedAt}, {@code updatedAt}. A save is a put on condition {@code sequence = :previous}.
 */
public final class DynamoDbJobStore implements JobStore {

    private static final String PREFIX = "JOB#";

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbJobStore(DynamoDbClient client, String modelsTable) {
        this.client = client;
        this.table = modelsTable;
    }

    @Override
    public Optional<JobCheckpoint> find(JobKind kind, String jobId) {
        Map<String, AttributeValue> item = Storage.call(() -> client.getItem(b -> b.tableName(table)
                .key(Map.of(REGISTRY, s(PREFIX + kind.name()), MODEL_VERSION, s(jobId)))
                .consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(kind, item));
    }

    @Override
    public boolean start(JobCheckpoint first) {
        if (first.sequence() != 0) {
            throw new IllegalArgumentException("A job starts with checkpoint 0, not " + first.sequence() + ".");
        }
        return put(first, "attribute_not_exists(#k)", Map.of("#k", MODEL_VERSION), Map.of());
    }

    @Override
    public boolean save(JobCheckpoint next) {
        if (next.sequence() < 1) {
            throw new IllegalArgumentException("Only a started job can be saved; start it with checkpoint 0.");
        }
        return put(next, "#seq = :previous", Map.of("#seq", "sequence"), Map.of(":previous", n(next.sequence() - 1)));
    }

    @Override
    public List<JobCheckpoint> list(JobKind kind) {
        List<JobCheckpoint> jobs = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = Storage.call(() -> client.query(b -> b.tableName(table)
                    .keyConditionExpression("#r = :r")
                    .expressionAttributeNames(Map.of("#r", REGISTRY))
                    .expressionAttributeValues(Map.of(":r", s(PREFIX + kind.name())))
                    .consistentRead(true)
                    .exclusiveStartKey(exclusiveStart)));
            for (Map<String, AttributeValue> item : page.items()) {
                jobs.add(fromItem(kind, item));
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return jobs;
    }

    private boolean put(JobCheckpoint checkpoint, String condition, Map<String, String> names,
                        Map<String, AttributeValue> values) {
        Map<String, AttributeValue> item = toItem(checkpoint);
        try {
            Storage.run(() -> client.putItem(b -> {
                b.tableName(table).item(item).conditionExpression(condition).expressionAttributeNames(names);
                if (!values.isEmpty()) {
                    b.expressionAttributeValues(values);
                }
            }));
            return true;
        } catch (ConditionalCheckFailedException overtaken) {
            return false;
        }
    }

    private static Map<String, AttributeValue> toItem(JobCheckpoint c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(REGISTRY, s(PREFIX + c.kind().name()));
        item.put(MODEL_VERSION, s(c.jobId()));
        item.put("jobStatus", s(c.status().name()));
        item.put("sequence", n(c.sequence()));
        if (c.cursor() != null) {
            item.put("cursor", s(c.cursor()));
        }
        Map<String, AttributeValue> counts = new HashMap<>();
        c.counts().forEach((k, v) -> counts.put(k, n(v)));
        item.put("counts", AttributeValue.fromM(counts));
        Map<String, AttributeValue> details = new HashMap<>();
        c.details().forEach((k, v) -> details.put(k, s(v)));
        item.put("details", AttributeValue.fromM(details));
        item.put("startedAt", s(c.startedAt().toString()));
        item.put("updatedAt", s(c.updatedAt().toString()));
        return item;
    }

    private static JobCheckpoint fromItem(JobKind kind, Map<String, AttributeValue> item) {
        Map<String, Long> counts = new HashMap<>();
        item.get("counts").m().forEach((k, v) -> counts.put(k, Long.parseLong(v.n())));
        Map<String, String> details = new HashMap<>();
        item.get("details").m().forEach((k, v) -> details.put(k, v.s()));
        return new JobCheckpoint(kind, str(item, MODEL_VERSION), JobStatus.valueOf(str(item, "jobStatus")),
                lng(item, "sequence"), optStr(item, "cursor"), counts, details,
                Instant.parse(str(item, "startedAt")), Instant.parse(str(item, "updatedAt")));
    }
}
