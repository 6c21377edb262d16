/**
 * The officers' queue: one case item per application holds its latest score and decision state; undecided cases
 * sit in a sparse index ordered by band and score, which {@code GET /v1/queue} pages through riskiest first.
 */
package org.licencerisk.functions.queue;
