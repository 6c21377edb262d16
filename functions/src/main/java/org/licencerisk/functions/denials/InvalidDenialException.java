package org.licencerisk.functions.denials;

import org.licencerisk.model.application.FieldProblem;

import java.util.List;

/** A denial with invalid fields: every problem at once, naming fields only, never quoting their content. */
public final class InvalidDenialException extends IllegalArgumentException {

    private final List<FieldProblem> problems;

    public InvalidDenialException(List<FieldProblem> problems) {
        super("The denial has " + problems.size() + " invalid field(s).");
        this.problems = List.copyOf(problems);
    }

    /** The problems, field by field. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
