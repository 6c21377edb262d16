package org.licencerisk.functions.matches;

import org.licencerisk.functions.storage.PartitionReads;
import org.licencerisk.functions.storage.Storage;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.licencerisk.functions.storage.Items.lng;
import static org.licencerisk.functions.storage.Items.n;
import static org.licencerisk.functions.storage.Items.optStr;
import static org.licencerisk.functions.storage.Items.s;
import static org.licencerisk.functions.storage.Items.str;
import static org.licencerisk.functions.storage.TableDefinitions.APPLICATION_ID;
import static org.licencerisk.functions.storage.TableDefinitions.SK;

/**
 * Items in the applications table: {@code (applicationId, MATCHREVIEW#<denialId>#000001)} per review and
 * {@code (applicationId, CONSULTATION#<denialId>)} per consultation.
 */
public final class DynamoDbMatchReviewRepository implements MatchReviewRepository {

    private static final String REVIEW = "MATCHREVIEW#";
    private static final String CONSULTATION = "CONSULTATION#";

    private final DynamoDbClient client;
    private final String table;

    public DynamoDbMatchReviewRepository(DynamoDbClient client, String table) {
        this.client = client;
        this.table = table;
    }

    @Override
    public boolean insert(MatchReview r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(APPLICATION_ID, s(r.applicationId()));
        item.put(SK, s(REVIEW + r.denialId() + "#" + String.format(Locale.ROOT, "%06d", r.sequence())));
        item.put("denialId", s(r.denialId()));
        item.put("sequence", n(r.sequence()));
        item.put("verdict", s(r.verdict().name()));
        if (r.reason() != null) {
            item.put("reason", s(r.reason()));
        }
        item.put("officer", s(r.officer()));
        item.put("reviewedAt", s(r.reviewedAt().toString()));
        try {
            Storage.run(() -> client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#sk)").expressionAttributeNames(Map.of("#sk", SK))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public List<MatchReview> reviews(String applicationId) {
        List<MatchReview> out = new ArrayList<>();
        for (Map<String, AttributeValue> i : query(applicationId, REVIEW)) {
            out.add(new MatchReview(applicationId, str(i, "denialId"), (int) lng(i, "sequence"),
                    ReviewVerdict.valueOf(str(i, "verdict")), optStr(i, "reason"), str(i, "officer"),
                    Instant.parse(str(i, "reviewedAt")), null));
        }
        return out;
    }

    @Override
    public Consultation open(String applicationId, Consultation c) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(APPLICATION_ID, s(applicationId));
        item.put(SK, s(CONSULTATION + c.denialId()));
        item.put("denialId", s(c.denialId()));
        item.put("notifyingState", s(c.notifyingState()));
        item.put("openedOn", s(c.openedOn().toString()));
        item.put("replyDue", s(c.replyDue().toString()));
        item.put("consultationStatus", s(c.status().name()));
        try {
            // A closed consultation may be opened again by a later confirmation; an open or overridden one stays.
            Storage.run(() -> client.putItem(b -> b.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(#sk) OR #status = :closed")
                    .expressionAttributeNames(Map.of("#sk", SK, "#status", "consultationStatus"))
                    .expressionAttributeValues(Map.of(":closed", s(Consultation.Status.CLOSED.name())))));
            return c;
        } catch (ConditionalCheckFailedException exists) {
            return consultation(applicationId, c.denialId()).orElse(c);
        }
    }

    @Override
    public boolean settle(String applicationId, String denialId, Consultation.Status status, String by, String reason,
                          Instant at) {
        Map<String, String> names = new HashMap<>(Map.of("#status", "consultationStatus"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":status", s(status.name()),
                ":open", s(Consultation.Status.OPEN.name())));
        String set = "SET #status = :status";
        if (status == Consultation.Status.OVERRIDDEN) {
            names.putAll(Map.of("#by", "overriddenBy", "#reason", "overrideReason", "#at", "overriddenAt"));
            values.putAll(Map.of(":by", s(by), ":reason", s(reason), ":at", s(at.toString())));
            set += ", #by = :by, #reason = :reason, #at = :at";
        }
        String update = set;
        try {
            Storage.run(() -> client.updateItem(b -> b.tableName(table)
                    .key(Map.of(APPLICATION_ID, s(applicationId), SK, s(CONSULTATION + denialId)))
                    .updateExpression(update)
                    .conditionExpression("#status = :open")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)));
            return true;
        } catch (ConditionalCheckFailedException notOpen) {
            return false;
        }
    }

    @Override
    public Optional<Consultation> consultation(String applicationId, String denialId) {
        Map<String, AttributeValue> item = Storage.call(() -> client.getItem(b -> b.tableName(table)
                .key(Map.of(APPLICATION_ID, s(applicationId), SK, s(CONSULTATION + denialId)))
                .consistentRead(true))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(consultation(item));
    }

    @Override
    public List<Consultation> consultations(String applicationId) {
        return query(applicationId, CONSULTATION).stream().map(DynamoDbMatchReviewRepository::consultation).toList();
    }

    private static Consultation consultation(Map<String, AttributeValue> i) {
        String at = optStr(i, "overriddenAt");
        return new Consultation(str(i, "denialId"), str(i, "notifyingState"), LocalDate.parse(str(i, "openedOn")),
                LocalDate.parse(str(i, "replyDue")), Consultation.Status.valueOf(str(i, "consultationStatus")),
                optStr(i, "overriddenBy"), optStr(i, "overrideReason"), at == null ? null : Instant.parse(at));
    }

    private List<Map<String, AttributeValue>> query(String applicationId, String prefix) {
        return PartitionReads.withSortKeyPrefix(client, table, APPLICATION_ID, applicationId, SK, prefix);
    }
}
