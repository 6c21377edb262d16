package org.licencerisk.functions.queue;

import org.junit.jupiter.api.Test;
import org.licencerisk.functions.decisions.DecisionsHandler;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.storage.InvalidCursorException;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.functions.testing.Applications;
import org.licencerisk.functions.testing.Events;
import org.licencerisk.functions.testing.TestStack;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Batch jobs see every decided (or undecided) case exactly once across pages, and can resume from any cursor. */
class CaseScanTest {

    @Test
    void aPagedScanVisitsEachCaseOfTheStateExactlyOnce() {
        TestStack stack = TestStack.create();
        ScoresHandler scores = new ScoresHandler(stack.components());
        DecisionsHandler decisions = new DecisionsHandler(stack.components());
        Set<String> decided = new HashSet<>();
        Set<String> undecided = new HashSet<>();
        for (int i = 0; i < 23; i++) {
            String id = "NL-SCAN-" + i;
            assertEquals(201, TestStack.invoke(scores, Events.request("POST", ScoresHandler.PATH, Map.of())
                    .jsonBody(Applications.variant(id, i).toString())).status());
            if (i % 3 == 0) {
                assertEquals(201, TestStack.invoke(decisions, Events.request("PUT", DecisionsHandler.PATH,
                        Map.of("applicationId", id)).jsonBody("{\"outcome\":\"APPROVED\",\"criteria\":[],"
                        + "\"rationale\":\"Assessed.\"}")).status());
                decided.add(id);
            } else {
                undecided.add(id);
            }
        }
        CaseRepository cases = new DynamoDbCaseRepository(stack.client(), stack.config().applicationsTable());

        assertEquals(decided, visit(cases, CaseState.DECIDED, 4));
        assertEquals(undecided, visit(cases, CaseState.UNDECIDED, 5));
        for (String id : decided) {
            assertTrue(cases.find(id).orElseThrow().decided());
        }
    }

    @Test
    void aForeignCursorIsRefused() {
        TestStack stack = TestStack.create();
        CaseRepository cases = new DynamoDbCaseRepository(stack.client(), stack.config().applicationsTable());
        assertThrows(InvalidCursorException.class, () -> cases.scan(CaseState.DECIDED, 10, "bm90LWEtY3Vyc29y"));
        assertThrows(IllegalArgumentException.class, () -> cases.scan(CaseState.DECIDED, 0, null));
    }

    private static Set<String> visit(CaseRepository cases, CaseState state, int limit) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            Page<ApplicationCase> page = cases.scan(state, limit, cursor);
            assertTrue(page.items().size() <= limit);
            page.items().forEach(c -> seen.add(c.applicationId()));
            cursor = page.nextCursor();
        } while (cursor != null);
        Set<String> unique = new HashSet<>(seen);
        assertEquals(seen.size(), unique.size(), "no case is visited twice");
        return unique;
    }
}
