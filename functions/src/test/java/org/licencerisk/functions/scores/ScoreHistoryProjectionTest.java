package org.licencerisk.functions.scores;

import org.junit.jupiter.api.Test;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.TestStack;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The history index carries every attribute a score response needs and not the application's content, which is
 * stored once, in the table, for the training export.
 */
class ScoreHistoryProjectionTest {

    @Test
    void historyReadsCompleteScoresFromTheIndexWithoutTheApplicationsContent() {
        TestStack stack = TestStack.create();
        ScoresHandler handler = new ScoresHandler(stack.components());
        for (int i = 0; i < 3; i++) {
            assertEquals(201, TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                    .jsonBody(Applications.variant("NL-PROJ-1", i).toString())).status());
        }
        DynamoDbScoreRepository scores = new DynamoDbScoreRepository(stack.client(), stack.config().applicationsTable());

        List<StoredScore> history = scores.history("NL-PROJ-1", 10, null).items();
        assertEquals(3, history.size());
        for (StoredScore fromIndex : history) {
            assertEquals(scores.find("NL-PROJ-1", fromIndex.scoreId()).orElseThrow(), fromIndex,
                    "a score read from the index equals the one read from the table");
            assertTrue(scores.applications(Map.of("NL-PROJ-1", fromIndex.scoreId())).containsKey("NL-PROJ-1"),
                    "the table keeps the content");
        }
        List<Map<String, AttributeValue>> raw = stack.client().query(b -> b
                .tableName(stack.config().applicationsTable())
                .indexName(TableDefinitions.HISTORY_INDEX)
                .keyConditionExpression("applicationId = :id")
                .expressionAttributeValues(Map.of(":id", AttributeValue.fromS("NL-PROJ-1")))).items();
        assertEquals(3, raw.size());
        raw.forEach(item -> assertFalse(item.containsKey(DynamoDbScoreRepository.APPLICATION),
                "the index does not hold the application's content"));
    }

    @Test
    void theIndexProjectsEveryAttributeOfAScoreItemButTheContent() {
        // Screened, so that the item carries every attribute a score can have (the register version and matches).
        TestStack stack = TestStack.withScreening(org.licencerisk.functions.testing.ExactNameScreener::new);
        ScoresHandler handler = new ScoresHandler(stack.components());
        assertEquals(201, TestStack.invoke(handler, Events.request("POST", ScoresHandler.PATH, Map.of())
                .jsonBody(Applications.variant("NL-PROJ-2", 1).toString())).status());
        StoredScore stored = new DynamoDbScoreRepository(stack.client(), stack.config().applicationsTable())
                .latest("NL-PROJ-2").orElseThrow();

        Set<String> written = new HashSet<>(DynamoDbScoreRepository.toItem(stored).keySet());
        written.removeAll(Set.of(TableDefinitions.APPLICATION_ID, TableDefinitions.SK, TableDefinitions.SCORED_KEY));
        assertEquals(written, Set.copyOf(TableDefinitions.HISTORY_PROJECTION),
                "a new score attribute must be added to the history projection (and template.yaml) too");
    }
}
