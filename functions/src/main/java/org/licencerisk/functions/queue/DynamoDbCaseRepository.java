package org.licencerisk.functions.queue;

import org.licencerisk.functions.scores.StoredScore;
import org.licencerisk.functions.storage.Cursors;
import org.licencerisk.functions.storage.InvalidCursorException;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.functions.storage.Storage;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.model.scoring.RiskBand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static org.licencerisk.functions.storage.Items.dbl;
import static org.licencerisk.functions.storage.Items.lng;
import static org.licencerisk.functions.storage.Items.n;
import static org.licencerisk.functions.storage.Items.s;
import static org.licencerisk.functions.storage.Items.str;
import static org.licencerisk.functions.storage.TableDefinitions.APPLICATION_ID;
import static org.licencerisk.functions.storage.TableDefinitions.QUEUE_BAND;
import static org.licencerisk.functions.storage.TableDefinitions.QUEUE_RANK;
import static org.licencerisk.functions.storage.TableDefinitions.SK;

/** Case items in the applications table: key {@code (applicationId, CASE)}; undecided ones in the queue index. */
public final class DynamoDbCaseRepository implements CaseRepository {

    /** The sort key of case items. */
    public static final String CASE = "CASE";
    private static final String BAND = "band";
    private static final List<RiskBand> ORDER = List.of(RiskBand.HIGH, RiskBand.MEDIUM, RiskBand.LOW);
    private static final Set<String> INDEX_KEY = Set.of(QUEUE_BAND, QUEUE_RANK, APPLICATION_ID, SK);
    private static final Set<String> CURSOR_AT_KEY = Set.of(BAND, QUEUE_BAND, QUEUE_RANK, APPLICATION_ID, SK);
    private static final Set<String> CURSOR_AT_BAND = Set.of(BAND);
    private static final String LATEST = "latestScoredKey";
    private static final String REVISION = "decisionRevision";
    private static final Set<String> TABLE_KEY = Set.of(APPLICATION_ID, SK);

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbCaseRepository(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public Optional<ApplicationCase> find(String applicationId) {
        Map<String, AttributeValue> item = Storage.call(() -> client.getItem(b -> b.tableName(table)
                .key(key(applicationId)).consistentRead(true))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(applicationCase(item));
    }

    @Override
    public Page<ApplicationCase> scan(CaseState state, int limit, String cursor) {
        if (limit < 1) {
            throw new IllegalArgumentException("A scan page must hold at least one case, but the limit was " + limit + ".");
        }
        Map<String, AttributeValue> start = cursor == null ? null : Cursors.key(Cursors.decode(cursor, TABLE_KEY), TABLE_KEY);
        String condition = state == CaseState.DECIDED ? "attribute_exists(#rev)" : "attribute_not_exists(#rev)";
        ScanResponse response = Storage.call(() -> client.scan(b -> b.tableName(table)
                .limit(limit)
                .consistentRead(true)
                .filterExpression("#sk = :case AND " + condition)
                .expressionAttributeNames(Map.of("#sk", SK, "#rev", REVISION))
                .expressionAttributeValues(Map.of(":case", s(CASE)))
                .exclusiveStartKey(start)));
        List<ApplicationCase> items = new ArrayList<>(response.count());
        for (Map<String, AttributeValue> item : response.items()) {
            items.add(applicationCase(item));
        }
        String next = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                ? Cursors.encode(response.lastEvaluatedKey(), Map.of()) : null;
        return new Page<>(items, next);
    }

    private static ApplicationCase applicationCase(Map<String, AttributeValue> item) {
        String revision = item.containsKey(REVISION) ? item.get(REVISION).n() : "0";
        return new ApplicationCase(str(item, APPLICATION_ID), str(item, "scoreId"), dbl(item, "riskScore"),
                RiskBand.valueOf(str(item, "riskBand")), str(item, "modelVersion"),
                Instant.parse(str(item, "scoredAt")), str(item, LATEST), Integer.parseInt(revision));
    }

    @Override
    public boolean advanceLatest(StoredScore score) {
        return advance(score, true);
    }

    @Override
    public boolean advanceLatestIfUndecided(StoredScore score) {
        return advance(score, false);
    }

    private boolean advance(StoredScore score, boolean evenIfDecided) {
        Map<String, String> names = new HashMap<>(Map.of("#scoreId", "scoreId", "#riskScore", "riskScore",
                "#riskBand", "riskBand", "#modelVersion", "modelVersion", "#scoredAt", "scoredAt",
                "#redFlagCount", "redFlagCount", "#latest", LATEST, "#revision", REVISION,
                "#denialMatchCount", "denialMatchCount"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":scoreId", s(score.scoreId()),
                ":riskScore", n(score.score().riskScore()), ":riskBand", s(score.score().riskBand().name()),
                ":modelVersion", s(score.score().modelVersion()), ":scoredAt", s(score.scoredAt().toString()),
                ":redFlagCount", n(score.score().redFlags().size()), ":latest", s(score.scoredKey()),
                ":denialMatchCount", n(score.screening().matches().size())));
        String set = "SET #scoreId = :scoreId, #riskScore = :riskScore, #riskBand = :riskBand, "
                + "#modelVersion = :modelVersion, #scoredAt = :scoredAt, #redFlagCount = :redFlagCount, "
                + "#latest = :latest, #denialMatchCount = :denialMatchCount";
        String newer = "(attribute_not_exists(#latest) OR #latest < :latest)";
        Map<String, String> queueNames = new HashMap<>(names);
        queueNames.put("#band", QUEUE_BAND);
        queueNames.put("#rank", QUEUE_RANK);
        Map<String, AttributeValue> queueValues = new HashMap<>(values);
        queueValues.put(":rank", s(rank(score.score().riskScore(), score.applicationId())));
        try {
            // Undecided: the new latest score also places the application in the queue.
            Storage.run(() -> client.updateItem(b -> b.tableName(table).key(key(score.applicationId()))
                    .updateExpression(set + ", #band = :riskBand, #rank = :rank")
                    .conditionExpression(newer + " AND attribute_not_exists(#revision)")
                    .expressionAttributeNames(queueNames)
                    .expressionAttributeValues(queueValues)));
            return true;
        } catch (ConditionalCheckFailedException stillOldOrDecided) {
            if (!evenIfDecided) {
                return false;
            }
            try {
                // Decided: record the new latest score but keep the application out of the queue.
                Storage.run(() -> client.updateItem(b -> b.tableName(table).key(key(score.applicationId()))
                        .updateExpression(set)
                        .conditionExpression(newer + " AND attribute_exists(#revision)")
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)));
                return true;
            } catch (ConditionalCheckFailedException olderThanStored) {
                return false;
            }
        }
    }

    @Override
    public boolean markDecided(String applicationId, int revision, String outcome, String decidedAt) {
        try {
            Storage.run(() -> client.updateItem(b -> b.tableName(table).key(key(applicationId))
                    .updateExpression("SET #revision = :revision, #outcome = :outcome, #decidedAt = :decidedAt "
                            + "REMOVE #band, #rank")
                    .conditionExpression("attribute_exists(#sk) AND (attribute_not_exists(#revision) OR #revision < :revision)")
                    .expressionAttributeNames(Map.of("#revision", REVISION, "#outcome", "decisionOutcome",
                            "#decidedAt", "decidedAt", "#band", QUEUE_BAND, "#rank", QUEUE_RANK, "#sk", SK))
                    .expressionAttributeValues(Map.of(":revision", n(revision), ":outcome", s(outcome),
                            ":decidedAt", s(decidedAt)))));
            return true;
        } catch (ConditionalCheckFailedException alreadyRecorded) {
            return false;
        }
    }

    @Override
    public Page<QueueEntry> queue(RiskBand band, int limit, String cursor) {
        List<RiskBand> bands = band == null ? ORDER : List.of(band);
        int bandIndex = 0;
        Map<String, AttributeValue> start = null;
        if (cursor != null) {
            Map<String, String> fields = Cursors.decodeOneOf(cursor, List.of(CURSOR_AT_KEY, CURSOR_AT_BAND));
            RiskBand at = parseBand(fields.get(BAND));
            bandIndex = bands.indexOf(at);
            if (bandIndex < 0 || (fields.containsKey(QUEUE_BAND) && !fields.get(QUEUE_BAND).equals(at.name()))) {
                throw new InvalidCursorException();
            }
            if (fields.containsKey(QUEUE_BAND)) {
                start = Cursors.key(fields, INDEX_KEY);
            }
        }
        List<QueueEntry> items = new ArrayList<>(limit);
        while (bandIndex < bands.size()) {
            RiskBand current = bands.get(bandIndex);
            Map<String, AttributeValue> exclusiveStart = start;
            int remaining = limit - items.size();
            QueryResponse response = Storage.call(() -> client.query(b -> b.tableName(table)
                    .indexName(TableDefinitions.QUEUE_INDEX)
                    .keyConditionExpression("#band = :band")
                    .expressionAttributeNames(Map.of("#band", QUEUE_BAND))
                    .expressionAttributeValues(Map.of(":band", s(current.name())))
                    .scanIndexForward(true)
                    .limit(remaining)
                    .exclusiveStartKey(exclusiveStart)));
            for (Map<String, AttributeValue> item : response.items()) {
                items.add(entry(item));
            }
            boolean more = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
            if (items.size() >= limit) {
                if (more) {
                    Map<String, String> extra = new LinkedHashMap<>();
                    extra.put(BAND, current.name());
                    return new Page<>(items, Cursors.encode(response.lastEvaluatedKey(), extra));
                }
                return new Page<>(items, bandIndex + 1 < bands.size()
                        ? Cursors.encode(null, Map.of(BAND, bands.get(bandIndex + 1).name())) : null);
            }
            if (more) {
                start = response.lastEvaluatedKey();
            } else {
                bandIndex++;
                start = null;
            }
        }
        return new Page<>(items, null);
    }

    @Override
    public OptionalLong countUndecided() {
        long count = 0;
        for (RiskBand band : ORDER) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> exclusiveStart = start;
                QueryResponse response = Storage.call(() -> client.query(b -> b.tableName(table)
                        .indexName(TableDefinitions.QUEUE_INDEX)
                        .keyConditionExpression("#band = :band")
                        .expressionAttributeNames(Map.of("#band", QUEUE_BAND))
                        .expressionAttributeValues(Map.of(":band", s(band.name())))
                        .select(Select.COUNT)
                        .exclusiveStartKey(exclusiveStart)));
                count += response.count();
                start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return OptionalLong.of(count);
    }

    /** The queue index's sort key: lower for riskier, ties broken by application id. */
    static String rank(double riskScore, String applicationId) {
        return String.format(Locale.ROOT, "%.12f", 1.0 - riskScore) + "#" + applicationId;
    }

    private static QueueEntry entry(Map<String, AttributeValue> item) {
        return new QueueEntry(str(item, APPLICATION_ID), str(item, "scoreId"), dbl(item, "riskScore"),
                RiskBand.valueOf(str(item, "riskBand")), str(item, "modelVersion"),
                Instant.parse(str(item, "scoredAt")), (int) lng(item, "redFlagCount"),
                item.containsKey("denialMatchCount") ? (int) lng(item, "denialMatchCount") : 0);
    }

    private static RiskBand parseBand(String name) {
        for (RiskBand b : RiskBand.values()) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        throw new InvalidCursorException();
    }

    private static Map<String, AttributeValue> key(String applicationId) {
        return Map.of(APPLICATION_ID, s(applicationId), SK, s(CASE));
    }
}
