package org.licencerisk.functions.shadow;

import org.licencerisk.functions.storage.Storage;
import org.licencerisk.model.scoring.RiskBand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import static org.licencerisk.functions.storage.Items.dbl;
import static org.licencerisk.functions.storage.Items.n;
import static org.licencerisk.functions.storage.Items.s;
import static org.licencerisk.functions.storage.Items.str;
import static org.licencerisk.functions.storage.TableDefinitions.MODEL_VERSION;
import static org.licencerisk.functions.storage.TableDefinitions.PAIR_KEY;

/**
 * Shadow scores in the shadow scores table: key {@code (modelVersion, pairKey)}; see docs/table-design.md. Items
 * carry {@code expiresAt} (epoch seconds) for DynamoDB's time to live.
 */
public final class DynamoDbShadowScoreRepository implements ShadowScoreRepository {

    /** How long a shadow score is kept: long enough for any shadow period, short enough not to pile up. */
    public static final Duration RETENTION = Duration.ofDays(180);
    /** The time-to-live attribute (declared in template.yaml). */
    public static final String EXPIRES_AT = "expiresAt";
    private static final int PAGE = 500;

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbShadowScoreRepository(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public boolean insertIfAbsent(ShadowScore score) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(MODEL_VERSION, s(score.modelVersion()));
        item.put(PAIR_KEY, s(score.pairKey()));
        item.put("applicationId", s(score.applicationId()));
        item.put("riskScore", n(score.riskScore()));
        item.put("riskBand", s(score.riskBand().name()));
        item.put("topFactors", strings(score.topFactors()));
        item.put("redFlagCodes", strings(score.redFlagCodes()));
        item.put("primaryModelVersion", s(score.primaryModelVersion()));
        item.put("primaryRiskScore", n(score.primaryRiskScore()));
        item.put("primaryRiskBand", s(score.primaryRiskBand().name()));
        item.put("primaryScoreId", s(score.primaryScoreId()));
        item.put("scoredAt", s(score.scoredAt().toString()));
        item.put(EXPIRES_AT, n(score.scoredAt().plus(RETENTION).getEpochSecond()));
        try {
            Storage.run(() -> client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#pk)")
                    .expressionAttributeNames(Map.of("#pk", PAIR_KEY))));
            return true;
        } catch (ConditionalCheckFailedException scoredAlready) {
            return false;
        }
    }

    @Override
    public Iterator<ShadowScore> scores(String modelVersion) {
        return new PartitionIterator(modelVersion);
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(AttributeValue::fromS).toList());
    }

    private static List<String> strings(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null || !v.hasL() ? List.of() : v.l().stream().map(AttributeValue::s).toList();
    }

    private static ShadowScore fromItem(Map<String, AttributeValue> item) {
        return new ShadowScore(str(item, MODEL_VERSION), str(item, PAIR_KEY), str(item, "applicationId"),
                dbl(item, "riskScore"), RiskBand.valueOf(str(item, "riskBand")), strings(item, "topFactors"),
                strings(item, "redFlagCodes"), str(item, "primaryModelVersion"), dbl(item, "primaryRiskScore"),
                RiskBand.valueOf(str(item, "primaryRiskBand")), str(item, "primaryScoreId"),
                Instant.parse(str(item, "scoredAt")));
    }

    /** A paginated Query of one partition, one page in memory at a time. */
    private final class PartitionIterator implements Iterator<ShadowScore> {
        private final String modelVersion;
        private final Deque<Map<String, AttributeValue>> page = new ArrayDeque<>();
        private Map<String, AttributeValue> start;
        private boolean exhausted;

        PartitionIterator(String modelVersion) {
            this.modelVersion = modelVersion;
        }

        @Override
        public boolean hasNext() {
            while (page.isEmpty() && !exhausted) {
                Map<String, AttributeValue> exclusiveStart = start;
                QueryResponse response = Storage.call(() -> client.query(b -> b.tableName(table)
                        .keyConditionExpression("#v = :v")
                        .expressionAttributeNames(Map.of("#v", MODEL_VERSION))
                        .expressionAttributeValues(Map.of(":v", s(modelVersion)))
                        .limit(PAGE)
                        .exclusiveStartKey(exclusiveStart)));
                page.addAll(response.items());
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
                exhausted = start == null;
            }
            return !page.isEmpty();
        }

        @Override
        public ShadowScore next() {
            if (!hasNext()) {
                throw new NoSuchElementException("No more shadow scores of " + modelVersion + ".");
            }
            return fromItem(page.removeFirst());
        }
    }
}
