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
 * @param problems for validation problems, every field problem found; otherwise {@code null}
 */
public record Problem(String type, String title, int status, String detail, List<FieldProblem> problems) {

    public Problem {
        problems = problems == null ? null : List.copyOf(problems);
    }
}
