package org.licencerisk.functions.errors;

import org.licencerisk.model.application.FieldProblem;

import java.util.List;

/**
 * A request that is malformed, with every problem found, field by field (a JSON path or a parameter name). The
 * message and the problems are safe to show: they name fields, never their contents.
 */
public final class InvalidRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    /** A request with the given field problems; {@code message} sums them up. */
    public InvalidRequestException(String message, List<FieldProblem> problems) {
        super(message);
        if (problems == null || problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid request must name at least one field problem.");
        }
        this.problems = List.copyOf(problems);
    }

    /** A request whose one invalid field is {@code field}. */
    public static InvalidRequestException of(String field, String message) {
        return new InvalidRequestException("The request has 1 invalid field.", List.of(new FieldProblem(field, message)));
    }

    /** Returns the field problems: at least one. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
