package org.licencerisk.functions.storage;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads many items of one table by key with {@code BatchGetItem}: 100 keys per request (DynamoDB's most), keys left
 * unprocessed (throttling, the 16 MB response limit) asked again after a short pause. For batch jobs that would
 * otherwise make one {@code GetItem} round trip per item.
 */
public final class BatchReads {

    /** DynamoDB's most keys per {@code BatchGetItem}. */
    public static final int MAX_KEYS = 100;
    private static final int MAX_ROUNDS = 8;

    private BatchReads() {
    }

    /**
     * Returns the items that exist among {@code keys}, in no particular order (match them by key).
     *
     * @param projection a projection expression (it must include the key attributes, to match items to keys)
     * @param names      the expression attribute names it uses
     * @param consistent whether to read strongly consistently
     * @throws StorageUnavailableException when DynamoDB keeps leaving keys unprocessed, or as {@link Storage#call}
     */
    public static List<Map<String, AttributeValue>> get(DynamoDbClient client, String table,
                                                        List<Map<String, AttributeValue>> keys, String projection,
                                                        Map<String, String> names, boolean consistent) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            List<Map<String, AttributeValue>> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_KEYS));
            Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(chunk)
                    .projectionExpression(projection).expressionAttributeNames(names).consistentRead(consistent)
                    .build());
            for (int round = 0; !request.isEmpty(); round++) {
                if (round == MAX_ROUNDS) {
                    throw new StorageUnavailableException(true, 1, "UnprocessedKeys", null);
                }
                if (round > 0) {
                    pause(round);
                }
                Map<String, KeysAndAttributes> asked = request;
                BatchGetItemResponse response = Storage.call(() -> client.batchGetItem(b -> b.requestItems(asked)));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            }
        }
        return items;
    }

    private static void pause(int round) {
        try {
            Thread.sleep(Math.min(500L, 25L << round));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageUnavailableException(false, 1, "Interrupted", e);
        }
    }
}
