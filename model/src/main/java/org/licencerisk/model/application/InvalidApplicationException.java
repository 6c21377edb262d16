package org.licencerisk.model.application;

import java.util.List;

/** Thrown when an application fails validation; carries every problem found, not just the first. */
public final class InvalidApplicationException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    public InvalidApplicationException(List<FieldProblem> problems) {
        super("The licence application is invalid: " + problems.size() + " problem(s) found.");
        this.problems = List.copyOf(problems);
    }

    /** Returns the problems, in the order of the fields in the document. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
