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
 * @param problems     for validation problems, the first {@value #MAX_PROBLEMS} field problems found; otherwise
 *                     {@code null}
 * @param problemCount for validation problems, how many were found in all (more than {@code problems} holds when
 *                     the list was cut); otherwise {@code null}
 * @param comparison   for a refused model promotion, the numbers it was refused on; otherwise {@code null}
 */
public record Problem(String type, String title, int status, String detail, List<FieldProblem> problems,
                      Integer problemCount, Object comparison) {

    /**
     * The most field problems an answer lists: a body of 256 KiB can hold tens of thousands of invalid values, and
     * listing each would make the answer megabytes long.
     */
    public static final int MAX_PROBLEMS = 50;

    public Problem {
        if (problems != null) {
            problemCount = problemCount == null ? problems.size() : Math.max(problemCount, problems.size());
            problems = List.copyOf(problems.size() > MAX_PROBLEMS ? problems.subList(0, MAX_PROBLEMS) : problems);
        }
    }

    /** A problem without a comparison; a list of field problems is cut to the first {@value #MAX_PROBLEMS}. */
    public Problem(String type, String title, int status, String detail, List<FieldProblem> problems) {
        this(type, title, status, detail, problems, null, null);
    }

    /** A problem with a comparison (a refused promotion) and no field problems. */
    public Problem(String type, String title, int status, String detail, Object comparison) {
        this(type, title, status, detail, null, null, comparison);
    }
}
