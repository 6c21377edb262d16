package org.licencerisk.functions.storage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads of one partition's items, through {@link Storage#call} so that unreachable storage is a 503. */
public final class PartitionReads {

    private PartitionReads() {
    }

    /**
     * Every item of a partition whose sort key starts with {@code prefix}, in sort-key order, read consistently,
     * all pages.
     *
     * @param partitionKey   the table's partition key attribute
     * @param partitionValue the partition
     * @param sortKey        the table's sort key attribute
     * @param prefix         the sort key prefix
     */
    public static List<Map<String, AttributeValue>> withSortKeyPrefix(DynamoDbClient client, String table,
                                                                      String partitionKey, String partitionValue,
                                                                      String sortKey, String prefix) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse r = Storage.call(() -> client.query(b -> b.tableName(table)
                    .keyConditionExpression("#pk = :pk AND begins_with(#sk, :prefix)")
                    .expressionAttributeNames(Map.of("#pk", partitionKey, "#sk", sortKey))
                    .expressionAttributeValues(Map.of(":pk", Items.s(partitionValue), ":prefix", Items.s(prefix)))
                    .consistentRead(true)
                    .exclusiveStartKey(exclusiveStart)));
            out.addAll(r.items());
            start = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty() ? r.lastEvaluatedKey() : null;
        } while (start != null);
        return out;
    }
}
