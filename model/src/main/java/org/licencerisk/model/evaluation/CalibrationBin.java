package org.licencerisk.model.evaluation;

/**
 * One of ten equal-width score bins of a calibration table.
 *
 * @param lower         the bin's lowest score (inclusive)
 * @param upper         the bin's highest score (exclusive, but 1.0 falls in the last bin)
 * @param count         applications in the bin
 * @param meanScore     their mean predicted score (NaN when empty)
 * @param refusalRate   the share of them refused (NaN when empty)
 */
public record CalibrationBin(double lower, double upper, int count, double meanScore, double refusalRate) {
}
