package org.licencerisk.functions.decisions;

import org.licencerisk.functions.storage.Storage;
import org.licencerisk.model.scoring.RiskBand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.licencerisk.functions.storage.Items.dbl;
import static org.licencerisk.functions.storage.Items.lng;
import static org.licencerisk.functions.storage.Items.n;
import static org.licencerisk.functions.storage.Items.optStr;
import static org.licencerisk.functions.storage.Items.s;
import static org.licencerisk.functions.storage.Items.str;
import static org.licencerisk.functions.storage.TableDefinitions.APPLICATION_ID;
import static org.licencerisk.functions.storage.TableDefinitions.SK;

/** Decision items in the applications table: key {@code (applicationId, DECISION#<revision, 6 digits>)}. */
public final class DynamoDbDecisionRepository implements DecisionRepository {

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbDecisionRepository(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public boolean insertIfAbsent(OfficerDecision d) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(APPLICATION_ID, s(d.applicationId()));
        item.put(SK, s(sk(d.revision())));
        item.put("revision", n(d.revision()));
        item.put("outcome", s(d.outcome().name()));
        item.put("criteria", AttributeValue.fromL(d.criteria().stream().map(c -> s(c)).toList()));
        item.put("rationale", s(d.rationale()));
        item.put("officerId", s(d.officerId()));
        if (d.subject() != null) {
            item.put("subject", s(d.subject()));
        }
        item.put("scoreId", s(d.scoreId()));
        item.put("riskScore", n(d.riskScore()));
        item.put("riskBand", s(d.riskBand().name()));
        item.put("decidedAt", s(d.decidedAt().toString()));
        try {
            Storage.run(() -> client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#sk)")
                    .expressionAttributeNames(Map.of("#sk", SK))));
            return true;
        } catch (ConditionalCheckFailedException revisionTaken) {
            return false;
        }
    }

    @Override
    public Optional<OfficerDecision> find(String applicationId, int revision) {
        Map<String, AttributeValue> item = Storage.call(() -> client.getItem(b -> b.tableName(table)
                .key(Map.of(APPLICATION_ID, s(applicationId), SK, s(sk(revision))))
                .consistentRead(true))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        List<String> criteria = item.get("criteria").l().stream().map(AttributeValue::s).toList();
        return Optional.of(new OfficerDecision(applicationId, (int) lng(item, "revision"),
                DecisionOutcome.valueOf(str(item, "outcome")), criteria, str(item, "rationale"),
                str(item, "officerId"), optStr(item, "subject"), str(item, "scoreId"), dbl(item, "riskScore"),
                RiskBand.valueOf(str(item, "riskBand")), Instant.parse(str(item, "decidedAt"))));
    }

    /**
     * Reads the outcome, time and score of one revision (a strongly consistent read of those three attributes only):
     * what batch jobs need, without the officer's rationale.
     *
     * @return empty when the revision is not stored
     */
    public Optional<RecordedOutcome> outcome(String applicationId, int revision) {
        Map<String, AttributeValue> item = Storage.call(() -> client.getItem(b -> b.tableName(table)
                .key(Map.of(APPLICATION_ID, s(applicationId), SK, s(sk(revision))))
                .consistentRead(true)
                .projectionExpression("#o, #d, #s")
                .expressionAttributeNames(Map.of("#o", "outcome", "#d", "decidedAt", "#s", "scoreId")))).item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new RecordedOutcome(DecisionOutcome.valueOf(str(item, "outcome")),
                Instant.parse(str(item, "decidedAt")), str(item, "scoreId")));
    }

    /** The sort key of decision revision {@code revision}. */
    public static String sk(int revision) {
        return String.format(Locale.ROOT, "DECISION#%06d", revision);
    }
}
