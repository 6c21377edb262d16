package org.licencerisk.functions.decisions;

import org.licencerisk.functions.queue.ApplicationCase;
import org.licencerisk.functions.storage.BatchReads;
import org.licencerisk.functions.storage.Storage;
import org.licencerisk.model.scoring.RiskBand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.util.ArrayList;
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

    /** The attribute naming the deciding officer: the subject of the token that recorded the decision. */
    static final String DECIDED_BY = "decidedBy";

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
        item.put(DECIDED_BY, s(d.decidedBy()));
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

    /**
     * Who decided: {@code decidedBy}; for decisions recorded before it existed, the token's subject they kept
     * ({@code subject}) or, without one, the {@code officerId} the body named.
     */
    private static String decidedBy(Map<String, AttributeValue> item) {
        String decidedBy = optStr(item, DECIDED_BY);
        if (decidedBy != null) {
            return decidedBy;
        }
        String subject = optStr(item, "subject");
        return subject != null ? subject : str(item, "officerId");
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
                decidedBy(item), str(item, "scoreId"), dbl(item, "riskScore"),
                RiskBand.valueOf(str(item, "riskBand")), Instant.parse(str(item, "decidedAt"))));
    }

    /**
     * Reads the current decisions of decided cases (strongly consistent, {@code BatchGetItem}s of up to
     * {@value BatchReads#MAX_KEYS} keys): what batch jobs (the training export, the drift report) need of them.
     *
     * @return by application id
     * @throws IllegalStateException when a case names a decision revision that is not stored
     */
    public Map<String, RecordedOutcome> outcomes(List<ApplicationCase> decided) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(decided.size());
        for (ApplicationCase c : decided) {
            keys.add(Map.of(APPLICATION_ID, s(c.applicationId()), SK, s(sk(c.decisionRevision()))));
        }
        Map<String, RecordedOutcome> out = new HashMap<>();
        for (Map<String, AttributeValue> item : BatchReads.get(client, table, keys, "#id, #o, #d, #s",
                Map.of("#id", APPLICATION_ID, "#o", "outcome", "#d", "decidedAt", "#s", "scoreId"), true)) {
            out.put(str(item, APPLICATION_ID), new RecordedOutcome(DecisionOutcome.valueOf(str(item, "outcome")),
                    Instant.parse(str(item, "decidedAt")), str(item, "scoreId")));
        }
        if (out.size() != decided.size()) {
            throw new IllegalStateException("A decided case names a decision revision that is not stored.");
        }
        return out;
    }

    /** The sort key of decision revision {@code revision}. */
    public static String sk(int revision) {
        return String.format(Locale.ROOT, "DECISION#%06d", revision);
    }
}
