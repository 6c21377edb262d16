package org.licencerisk.model.artifact;

import java.time.Instant;
import java.util.Map;

/**
 * What a model was trained and evaluated on.
 *
 * @param dataSource        the training data's file name (no directory)
 * @param firstDecision     the oldest decision in the training period
 * @param lastDecision      the newest decision in the training period
 * @param splitDate         the start of the test period, or {@code null} when an explicit test file was used
 * @param fitRows           labelled rows the model was fitted on
 * @param calibrationRows   labelled rows (the last part of the training period) the calibration was fitted on
 * @param testRows          labelled rows of the test period
 * @param outcomeCounts     every outcome in the training data, including those not learned from
 */
public record TrainingSummary(String dataSource, Instant firstDecision, Instant lastDecision, Instant splitDate,
                              int fitRows, int calibrationRows, int testRows, Map<String, Integer> outcomeCounts) {
}
