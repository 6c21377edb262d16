package org.licencerisk.model.application;

/**
 * One thing wrong with one field of a request.
 *
 * @param field   the JSON path of the field, e.g. {@code items[2].quantity}
 * @param message a sentence saying what is wrong, without echoing confidential content
 */
public record FieldProblem(String field, String message) {
}
