package org.licencerisk.functions.models;

import org.licencerisk.model.evaluation.EvaluationMetrics;

import java.time.Instant;

/**
 * A deployed model in the list (schema {@code ModelSummary} in {@code openapi.yaml}).
 *
 * @param modelVersion         the model's version
 * @param trainer              {@code logistic} or {@code xgboost}
 * @param createdAt            when it was trained
 * @param registeredAt         when a scoring function first served it
 * @param referenceDataVersion the reference data it reads
 * @param current              whether it is the champion
 * @param status               its registry status
 * @param metrics              its metrics on the test period
 */
public record ModelSummary(String modelVersion, String trainer, Instant createdAt, Instant registeredAt,
                           String referenceDataVersion, boolean current, ModelStatus status,
                           EvaluationMetrics metrics) {
}
