package org.licencerisk.model.evaluation;

/**
 * One of ten equal-count bins of a reliability diagram: the applications ranked by score, cut into tenths.
 *
 * @param count       applications in the bin
 * @param lowestScore the bin's lowest score
 * @param highestScore the bin's highest score
 * @param meanScore   their mean predicted score
 * @param refusalRate the share of them refused
 */
public record ReliabilityBin(int count, double lowestScore, double highestScore, double meanScore,
                             double refusalRate) {
}
