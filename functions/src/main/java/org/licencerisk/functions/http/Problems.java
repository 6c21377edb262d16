package org.licencerisk.functions.http;

import org.licencerisk.functions.errors.ConflictException;
import org.licencerisk.functions.errors.InvalidRequestException;
import org.licencerisk.functions.errors.NotFoundException;

/** The problem document of each kind of refusal a service gives; its message becomes the {@code detail}. */
final class Problems {

    private Problems() {
    }

    /**
     * A 400 with the field problems, a 404, or a 409 with the conflict's figures.
     *
     * @throws IllegalArgumentException for any other exception
     */
    static Problem of(RuntimeException e) {
        if (e instanceof InvalidRequestException invalid) {
            return ApiException.invalid(invalid.getMessage(), invalid.problems()).toProblem();
        }
        if (e instanceof NotFoundException) {
            return ApiException.notFound(e.getMessage()).toProblem();
        }
        if (e instanceof ConflictException conflict) {
            Problem p = ApiException.conflict(e.getMessage()).toProblem();
            return new Problem(p.type(), p.title(), p.status(), p.detail(), conflict.figures());
        }
        throw new IllegalArgumentException("No problem is defined for " + e.getClass().getName() + ".");
    }
}
