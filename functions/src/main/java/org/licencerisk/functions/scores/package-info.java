/**
 * Scores: {@code POST /v1/scores} scores a licence application with the loaded model and stores the score
 * idempotently; {@code /v1/applications/{applicationId}/scores...} reads an application's latest score and history.
 */
package org.licencerisk.functions.scores;
