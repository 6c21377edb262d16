package org.licencerisk.functions.http;

import org.junit.jupiter.api.Test;
import org.licencerisk.functions.decisions.DecisionConflictException;
import org.licencerisk.functions.errors.InvalidRequestException;
import org.licencerisk.functions.models.MetricComparison;
import org.licencerisk.functions.models.ModelNotFoundException;
import org.licencerisk.functions.models.PromotionRefusedException;
import org.licencerisk.model.application.FieldProblem;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The services' refusals reach the caller as the problem of their kind, with their message as the detail. */
class ProblemsTest {

    @Test
    void anInvalidRequestIsA400WithEveryFieldProblem() {
        List<FieldProblem> fields = List.of(new FieldProblem("outcome", "Is required."),
                new FieldProblem("criteria[0]", "Must be one of 1 to 8."));
        Problem p = Problems.of(new InvalidRequestException("The decision has 2 invalid field(s).", fields));
        assertEquals(400, p.status());
        assertEquals(ProblemType.INVALID_REQUEST.uri(), p.type());
        assertEquals("The decision has 2 invalid field(s).", p.detail());
        assertEquals(fields, p.problems());
    }

    @Test
    void notFoundIsA404AndAConflictA409() {
        Problem missing = Problems.of(new ModelNotFoundException("No model with version v9 is registered."));
        assertEquals(404, missing.status());
        assertEquals("No model with version v9 is registered.", missing.detail());
        Problem conflict = Problems.of(new DecisionConflictException("Another decision was recorded at the same time."));
        assertEquals(409, conflict.status());
        assertEquals(ProblemType.CONFLICT.uri(), conflict.type());
        assertNull(conflict.comparison(), "a plain conflict carries no figures");
    }

    @Test
    void aRefusedPromotionIsA409CarryingTheNumbersItWasRefusedOn() {
        MetricComparison numbers = MetricComparison.of(0.41, 0.52, 0.01);
        Problem p = Problems.of(new PromotionRefusedException("Model v2 is worse than the champion.", numbers));
        assertEquals(409, p.status());
        assertSame(numbers, p.comparison());
    }

    @Test
    void anInvalidRequestNamesAtLeastOneField() {
        assertThrows(IllegalArgumentException.class, () -> new InvalidRequestException("Nothing wrong.", List.of()));
    }

    @Test
    void anExceptionOfNoKnownKindHasNoProblem() {
        assertThrows(IllegalArgumentException.class, () -> Problems.of(new IllegalStateException("A bug.")));
    }
}
