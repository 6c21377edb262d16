package org.licencerisk.model.training;

import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.evaluation.EvaluationMetrics;

/**
 * A trained artifact with its evaluation on the test period.
 *
 * @param artifact    the model artifact, not yet written
 * @param metrics     its metrics on the test period
 * @param testScores  the calibrated scores of the test period's labelled decisions, oldest first
 * @param testRefused whether each of them was refused
 * @param testPeriod  the test period's decisions
 */
public record TrainingResult(ModelArtifact artifact, EvaluationMetrics metrics, double[] testScores,
                             boolean[] testRefused, DecisionDataset testPeriod) {
}
