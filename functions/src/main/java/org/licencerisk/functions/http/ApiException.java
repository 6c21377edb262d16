package org.licencerisk.functions.http;

import org.licencerisk.model.application.FieldProblem;

import java.util.List;

/**
 * A failure the client can act on, reported as a problem document. The message is the problem's {@code detail}
 * and so must never contain application contents.
 */
public class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ProblemType type;
    private final transient List<FieldProblem> problems;

    public ApiException(ProblemType type, String detail) {
        this(type, detail, null);
    }

    public ApiException(ProblemType type, String detail, List<FieldProblem> problems) {
        super(detail);
        this.type = type;
        this.problems = problems == null ? null : List.copyOf(problems);
    }

    /** A 400 with the field problems. */
    public static ApiException invalid(String detail, List<FieldProblem> problems) {
        return new ApiException(ProblemType.INVALID_REQUEST, detail, problems);
    }

    /** A 400 about one field. */
    public static ApiException invalid(String field, String message) {
        return invalid("The request has 1 invalid field.", List.of(new FieldProblem(field, message)));
    }

    /** A 404. */
    public static ApiException notFound(String detail) {
        return new ApiException(ProblemType.NOT_FOUND, detail);
    }

    /** A 409. */
    public static ApiException conflict(String detail) {
        return new ApiException(ProblemType.CONFLICT, detail);
    }

    /** Returns the kind of problem. */
    public ProblemType type() {
        return type;
    }

    /** Returns the field problems, or {@code null}. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** Returns the problem document. */
    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status(), getMessage(), problems);
    }
}
