package org.licencerisk.functions.scores;

import org.licencerisk.functions.storage.BatchReads;
import org.licencerisk.functions.storage.Cursors;
import org.licencerisk.functions.storage.InvalidCursorException;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.functions.storage.Storage;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.model.scoring.Factor;
import org.licencerisk.model.scoring.RedFlag;
import org.licencerisk.model.scoring.RiskBand;
import org.licencerisk.model.scoring.RiskScore;
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
import java.util.Set;

import static org.licencerisk.functions.storage.Items.dbl;
import static org.licencerisk.functions.storage.Items.lng;
import static org.licencerisk.functions.storage.Items.n;
import static org.licencerisk.functions.storage.Items.s;
import static org.licencerisk.functions.storage.Items.str;
import static org.licencerisk.functions.storage.TableDefinitions.APPLICATION_ID;
import static org.licencerisk.functions.storage.TableDefinitions.SCORED_KEY;
import static org.licencerisk.functions.storage.TableDefinitions.SK;

/** Score items in the applications table: key {@code (applicationId, SCORE#<scoreId>)}. */
public final class DynamoDbScoreRepository implements ScoreRepository {

    private static final String PREFIX = "SCORE#";
    /** The attribute holding the scored application's content: read only by the training export and drift reports. */
    public static final String APPLICATION = "application";
    private static final Set<String> HISTORY_KEY = Set.of(APPLICATION_ID, SK, SCORED_KEY);
    /**
     * Every attribute of a score item but the application's content: what a single score is read with (a projection),
     * so that the functions that return scores never read the content ({@code template.yaml} allows them no other).
     */
    public static final List<String> SCORE_ATTRIBUTES = scoreAttributes();
    private static final String SCORE_PROJECTION = projection(SCORE_ATTRIBUTES);
    private static final Map<String, String> SCORE_NAMES = names(SCORE_ATTRIBUTES);

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbScoreRepository(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<StoredScore> insertIfAbsent(StoredScore score, String applicationJson) {
        Map<String, AttributeValue> item = toItem(score);
        item.put(APPLICATION, s(applicationJson));
        try {
            Storage.run(() -> client.putItem(b -> b.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(#sk)")
                    .expressionAttributeNames(Map.of("#sk", SK))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException e) {
            return Optional.of(find(score.applicationId(), score.scoreId()).orElseThrow(() -> new IllegalStateException(
                    "A score's conditional put failed but the stored score cannot be read.")));
        }
    }

    @Override
    public Optional<StoredScore> find(String applicationId, String scoreId) {
        Map<String, AttributeValue> item = Storage.call(() -> client.getItem(b -> b.tableName(table)
                .key(Map.of(APPLICATION_ID, s(applicationId), SK, s(PREFIX + scoreId)))
                .projectionExpression(SCORE_PROJECTION)
                .expressionAttributeNames(SCORE_NAMES)
                .consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public Optional<StoredScore> latest(String applicationId) {
        return history(applicationId, 1, null).items().stream().findFirst();
    }

    @Override
    public Page<StoredScore> history(String applicationId, int limit, String cursor) {
        Map<String, AttributeValue> start = null;
        if (cursor != null) {
            Map<String, String> fields = Cursors.decode(cursor, HISTORY_KEY);
            if (!fields.get(APPLICATION_ID).equals(applicationId) || !fields.get(SK).startsWith(PREFIX)) {
                throw new InvalidCursorException();
            }
            start = Cursors.key(fields, HISTORY_KEY);
        }
        Map<String, AttributeValue> exclusiveStart = start;
        QueryResponse response = Storage.call(() -> client.query(b -> b.tableName(table)
                .indexName(TableDefinitions.HISTORY_INDEX)
                .keyConditionExpression("#id = :id")
                .expressionAttributeNames(Map.of("#id", APPLICATION_ID))
                .expressionAttributeValues(Map.of(":id", s(applicationId)))
                .scanIndexForward(false)
                .consistentRead(true)
                .limit(limit)
                .exclusiveStartKey(exclusiveStart)));
        List<StoredScore> items = new ArrayList<>(response.count());
        for (Map<String, AttributeValue> item : response.items()) {
            items.add(fromItem(item));
        }
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Cursors.encode(response.lastEvaluatedKey(), Map.of()) : null;
        return new Page<>(items, next);
    }

    /**
     * Returns the stored contents of many scores ({@code BatchGetItem}s of up to {@value BatchReads#MAX_KEYS} keys),
     * by application id; an application whose score has no stored content is absent.
     *
     * @param scoreIds the score to read, by application id
     */
    public Map<String, String> applications(Map<String, String> scoreIds) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(scoreIds.size());
        scoreIds.forEach((applicationId, scoreId) -> keys.add(Map.of(APPLICATION_ID, s(applicationId),
                SK, s(sk(scoreId)))));
        Map<String, String> out = new HashMap<>();
        for (Map<String, AttributeValue> item : BatchReads.get(client, table, keys, "#id, #a",
                Map.of("#id", APPLICATION_ID, "#a", APPLICATION), false)) {
            if (item.containsKey(APPLICATION)) {
                out.put(str(item, APPLICATION_ID), item.get(APPLICATION).s());
            }
        }
        return out;
    }

    /** The sort key of a score item. */
    public static String sk(String scoreId) {
        return PREFIX + scoreId;
    }

    static Map<String, AttributeValue> toItem(StoredScore score) {
        RiskScore r = score.score();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(APPLICATION_ID, s(score.applicationId()));
        item.put(SK, s(PREFIX + score.scoreId()));
        item.put(SCORED_KEY, s(score.scoredKey()));
        item.put("scoreId", s(score.scoreId()));
        item.put("inputHash", s(score.inputHash()));
        item.put("riskScore", n(r.riskScore()));
        item.put("riskBand", s(r.riskBand().name()));
        item.put("modelVersion", s(r.modelVersion()));
        item.put("referenceDataVersion", s(r.referenceDataVersion()));
        item.put("scoredAt", s(score.scoredAt().toString()));
        item.put("scoringLatencyMicros", n(score.scoringLatencyMicros()));
        List<AttributeValue> factors = new ArrayList<>();
        for (Factor f : r.factors()) {
            factors.add(AttributeValue.fromM(Map.of("feature", s(f.feature()), "contribution", n(f.contribution()),
                    "sentence", s(f.sentence()))));
        }
        item.put("factors", AttributeValue.fromL(factors));
        List<AttributeValue> flags = new ArrayList<>();
        for (RedFlag f : r.redFlags()) {
            flags.add(AttributeValue.fromM(Map.of("code", s(f.code()), "criterion", s(f.criterion()),
                    "sentence", s(f.sentence()))));
        }
        item.put("redFlags", AttributeValue.fromL(flags));
        return item;
    }

    static StoredScore fromItem(Map<String, AttributeValue> item) {
        List<Factor> factors = new ArrayList<>();
        for (AttributeValue v : item.get("factors").l()) {
            factors.add(new Factor(str(v.m(), "feature"), dbl(v.m(), "contribution"), str(v.m(), "sentence")));
        }
        List<RedFlag> flags = new ArrayList<>();
        for (AttributeValue v : item.get("redFlags").l()) {
            flags.add(new RedFlag(str(v.m(), "code"), str(v.m(), "criterion"), str(v.m(), "sentence")));
        }
        RiskScore score = new RiskScore(dbl(item, "riskScore"), RiskBand.valueOf(str(item, "riskBand")),
                str(item, "modelVersion"), str(item, "referenceDataVersion"), factors, flags);
        return new StoredScore(str(item, APPLICATION_ID), str(item, "scoreId"), str(item, "inputHash"), score,
                Instant.parse(str(item, "scoredAt")), lng(item, "scoringLatencyMicros"));
    }

    private static List<String> scoreAttributes() {
        List<String> out = new ArrayList<>(List.of(APPLICATION_ID, SK, SCORED_KEY));
        out.addAll(TableDefinitions.HISTORY_PROJECTION);
        return List.copyOf(out);
    }

    private static String projection(List<String> attributes) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < attributes.size(); i++) {
            s.append(i == 0 ? "" : ", ").append("#a").append(i);
        }
        return s.toString();
    }

    private static Map<String, String> names(List<String> attributes) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < attributes.size(); i++) {
            out.put("#a" + i, attributes.get(i));
        }
        return Map.copyOf(out);
    }
}
