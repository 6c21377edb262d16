package org.licencerisk.functions.http;

import org.licencerisk.model.application.FieldProblem;

import java.util.List;

/**
 * An RFC 9457 problem details document ({@code application/problem+json}).
 *
 * @param type     a URI naming the kind of problem
 * @param title    a short summary of the kind of problem
 * @param status   the HTTP status
 * @param detail   a sentence about this occurrence; never application contents
 * @param problems   for validation problems, every field problem found; otherwise {@code null}
 * @param comparison for a refused model promotion, the numbers it was refused on; otherwise {@code null}
 */
public record Problem(String type, String title, int status, String detail, List<FieldProblem> problems,
                      Object comparison) {

    public Problem {
        problems = problems == null ? null : List.copyOf(problems);
    }

    /** A problem without a comparison. */
    public Problem(String type, String title, int status, String detail, List<FieldProblem> problems) {
        this(type, title, status, detail, problems, null);
    }
}
