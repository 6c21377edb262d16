package org.licencerisk.functions.storage;

import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ListTablesRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The key schemas and indexes of the two tables, as {@code template.yaml} declares them (a test holds the two
 * together). The local API server and the tests create tables from here. See {@code docs/table-design.md}.
 */
public final class TableDefinitions {

    /** How long the start-up listing of tables may keep timing out before it fails. */
    private static final Duration LISTING_PATIENCE = Duration.ofSeconds(30);

    /** The template's logical id of the applications table. */
    public static final String APPLICATIONS_LOGICAL_ID = "ApplicationsTable";
    /** The template's logical id of the models table. */
    public static final String MODELS_LOGICAL_ID = "ModelsTable";

    /** Partition key of the applications table: the application id. */
    public static final String APPLICATION_ID = "applicationId";
    /** Sort key of the applications table: {@code CASE}, {@code SCORE#<scoreId>} or {@code DECISION#<revision>}. */
    public static final String SK = "sk";
    /** Sort key of the history index: fixed-width scoredAt, {@code #}, scoreId. Only score items carry it. */
    public static final String SCORED_KEY = "scoredKey";
    /** Partition key of the queue index: the band of an undecided application. Only undecided case items carry it. */
    public static final String QUEUE_BAND = "queueBand";
    /** Sort key of the queue index: {@code 1 - score} at fixed width, {@code #}, the application id. */
    public static final String QUEUE_RANK = "queueRank";
    /** The local secondary index of an application's scores in time order. */
    public static final String HISTORY_INDEX = "byScoredAt";
    /**
     * Non-key attributes the history index projects: every attribute of a score item except the application's content
     * (read only by the training export, from the table), so the content is stored once and history pages stay small.
     */
    public static final List<String> HISTORY_PROJECTION = List.of("scoreId", "inputHash", "riskScore", "riskBand",
            "modelVersion", "referenceDataVersion", "scoredAt", "scoringLatencyMicros", "factors", "redFlags");
    /** The sparse global secondary index of undecided applications by band and score. */
    public static final String QUEUE_INDEX = "queue";
    /** Non-key attributes the queue index projects. */
    public static final List<String> QUEUE_PROJECTION = List.of("scoreId", "riskScore", "riskBand", "modelVersion",
            "scoredAt", "redFlagCount");

    /** The template's logical id of the shadow scores table. */
    public static final String SHADOW_SCORES_LOGICAL_ID = "ShadowScoresTable";
    /** Sort key of the shadow scores table: {@code <applicationId>#<first 32 hex digits of inputHash>}. */
    public static final String PAIR_KEY = "pairKey";

    /** Partition key of the models table: always {@code MODEL}, so that one Query lists every model. */
    public static final String REGISTRY = "registry";
    /** Sort key of the models table. */
    public static final String MODEL_VERSION = "modelVersion";

    private TableDefinitions() {
    }

    /** The applications table. */
    public static CreateTableRequest applications(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(APPLICATION_ID), string(SK), string(SCORED_KEY), string(QUEUE_BAND),
                        string(QUEUE_RANK))
                .keySchema(hash(APPLICATION_ID), range(SK))
                .localSecondaryIndexes(LocalSecondaryIndex.builder()
                        .indexName(HISTORY_INDEX)
                        .keySchema(hash(APPLICATION_ID), range(SCORED_KEY))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes(HISTORY_PROJECTION).build())
                        .build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                        .indexName(QUEUE_INDEX)
                        .keySchema(hash(QUEUE_BAND), range(QUEUE_RANK))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes(QUEUE_PROJECTION).build())
                        .build())
                .build();
    }

    /** The models table. */
    public static CreateTableRequest models(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(REGISTRY), string(MODEL_VERSION))
                .keySchema(hash(REGISTRY), range(MODEL_VERSION))
                .build();
    }

    /**
     * The shadow scores table: partition key {@code modelVersion} (the shadow model), sort key {@link #PAIR_KEY}, so
     * that one model's scores are one partition in application order.
     */
    public static CreateTableRequest shadowScores(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(string(MODEL_VERSION), string(PAIR_KEY))
                .keySchema(hash(MODEL_VERSION), range(PAIR_KEY))
                .build();
    }

    /** Creates both tables unless they exist (local server and tests only; AWS tables come from the template). */
    public static void createIfMissing(DynamoDbClient client, String applicationsTable, String modelsTable) {
        createIfMissing(client, List.of(applications(applicationsTable), models(modelsTable)));
    }

    /**
     * Creates the tables unless they exist (local server and tests only; AWS tables come from the template). The
     * existing tables are listed first; only the missing ones are created and waited for, so a restart on existing
     * tables costs one {@code ListTables} call.
     */
    public static void createIfMissing(DynamoDbClient client, List<CreateTableRequest> tables) {
        Set<String> existing = existingTables(client);
        List<CreateTableRequest> missing = new ArrayList<>();
        for (CreateTableRequest t : tables) {
            if (!existing.contains(t.tableName())) {
                missing.add(t);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        // The SDK's default waiter polls every 20 s; a local server creates a table in milliseconds, so poll often.
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder().client(client)
                .overrideConfiguration(c -> c.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(50)))
                        .waitTimeout(Duration.ofSeconds(20)))
                .build()) {
            for (CreateTableRequest request : missing) {
                try {
                    client.createTable(request);
                } catch (ResourceInUseException e) {
                    // Created meanwhile by another process: the definitions are fixed, so it has this shape.
                }
            }
            for (CreateTableRequest request : missing) {
                waiter.waitUntilTableExists(b -> b.tableName(request.tableName()));
            }
        }
    }

    /**
     * The names of the tables there are. The first call of a fresh client also loads the SDK's request pipeline, which
     * on a busy machine can take longer than a short call timeout; the listing is repeated (it changes nothing) until
     * it answers, for at most {@link #LISTING_PATIENCE}.
     */
    private static Set<String> existingTables(DynamoDbClient client) {
        long deadline = System.nanoTime() + LISTING_PATIENCE.toNanos();
        while (true) {
            try {
                Set<String> existing = new HashSet<>();
                client.listTablesPaginator(ListTablesRequest.builder().build()).tableNames().forEach(existing::add);
                return existing;
            } catch (ApiCallTimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
