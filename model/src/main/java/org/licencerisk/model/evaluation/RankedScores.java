package org.licencerisk.model.evaluation;

import java.util.Arrays;

/**
 * Labelled scores grouped by distinct score, highest first: the one sorted view every ranking metric and curve
 * is computed from.
 * <p>
 * Refused and approved scores are sorted separately (primitive sorts, O(n log n)) and merged, so applications
 * with equal scores always fall in one group: no metric depends on the order of the input arrays.
 */
final class RankedScores {

    private final double[] groupScores;
    private final int[] groupRefusals;
    private final int[] groupApprovals;
    private final int groups;
    private final int refusals;
    private final int approvals;

    private RankedScores(double[] groupScores, int[] groupRefusals, int[] groupApprovals, int groups, int refusals,
                         int approvals) {
        this.groupScores = groupScores;
        this.groupRefusals = groupRefusals;
        this.groupApprovals = groupApprovals;
        this.groups = groups;
        this.refusals = refusals;
        this.approvals = approvals;
    }

    /** Groups already validated scores and labels of equal length. */
    static RankedScores of(double[] scores, boolean[] refused) {
        int refusalCount = 0;
        for (boolean r : refused) {
            if (r) {
                refusalCount++;
            }
        }
        double[] refusedScores = new double[refusalCount];
        double[] approvedScores = new double[scores.length - refusalCount];
        int p = 0;
        int q = 0;
        for (int i = 0; i < scores.length; i++) {
            if (refused[i]) {
                refusedScores[p++] = scores[i];
            } else {
                approvedScores[q++] = scores[i];
            }
        }
        Arrays.sort(refusedScores);
        Arrays.sort(approvedScores);

        double[] distinct = new double[scores.length];
        int[] refusedIn = new int[scores.length];
        int[] approvedIn = new int[scores.length];
        int g = 0;
        int i = refusedScores.length - 1;
        int j = approvedScores.length - 1;
        while (i >= 0 || j >= 0) {
            double score = i < 0 ? approvedScores[j]
                    : j < 0 ? refusedScores[i]
                    : Math.max(refusedScores[i], approvedScores[j]);
            int r = 0;
            while (i >= 0 && refusedScores[i] == score) {
                r++;
                i--;
            }
            int a = 0;
            while (j >= 0 && approvedScores[j] == score) {
                a++;
                j--;
            }
            distinct[g] = score;
            refusedIn[g] = r;
            approvedIn[g] = a;
            g++;
        }
        return new RankedScores(distinct, refusedIn, approvedIn, g, refusalCount, scores.length - refusalCount);
    }

    int refusals() {
        return refusals;
    }

    int approvals() {
        return approvals;
    }

    /**
     * ROC-AUC by the Mann–Whitney statistic: the share of (refused, approved) pairs the score orders correctly,
     * a tied pair counting one half. This equals the rank-sum formula with average ranks for ties, and is
     * computed in exact integer arithmetic up to the final division.
     */
    double rocAuc() {
        long twiceConcordant = 0;
        long approvalsBelow = approvals;
        for (int g = 0; g < groups; g++) {
            approvalsBelow -= groupApprovals[g];
            twiceConcordant += 2L * groupRefusals[g] * approvalsBelow + (long) groupRefusals[g] * groupApprovals[g];
        }
        return twiceConcordant / (2.0 * refusals * approvals);
    }

    /**
     * Step-wise average precision as scikit-learn's {@code average_precision_score}: the sum over distinct
     * thresholds of (R<sub>n</sub> − R<sub>n−1</sub>) × P<sub>n</sub>, applications with equal scores entering
     * together.
     */
    double averagePrecision() {
        long truePositives = 0;
        long flagged = 0;
        double sum = 0;
        for (int g = 0; g < groups; g++) {
            truePositives += groupRefusals[g];
            flagged += groupRefusals[g] + groupApprovals[g];
            if (groupRefusals[g] > 0) {
                sum += (double) groupRefusals[g] / refusals * ((double) truePositives / flagged);
            }
        }
        return sum;
    }

    /**
     * Share of refusals among the top {@code k = ceil(percent × n / 100)} applications by score. Where the cut
     * falls inside a group of equal scores, the group's refusals count in proportion to the places left: the
     * expected recall if tied applications were queued in random order, independent of input order.
     */
    double recallAtTopPercent(int percent) {
        long k = topCount(percent, refusals + approvals);
        long taken = 0;
        double found = 0;
        for (int g = 0; g < groups && taken < k; g++) {
            int size = groupRefusals[g] + groupApprovals[g];
            if (taken + size <= k) {
                found += groupRefusals[g];
                taken += size;
            } else {
                found += groupRefusals[g] * (double) (k - taken) / size;
                taken = k;
            }
        }
        return found / refusals;
    }

    /** Returns {@code ceil(percent × n / 100)} in exact integer arithmetic: the applications in the top percent. */
    static long topCount(int percent, int n) {
        return ((long) percent * n + 99) / 100;
    }

    /** The full ROC curve: one point per distinct score, after a first point where nothing is flagged. */
    PerformanceCurves curves() {
        RocPoint[] roc = new RocPoint[groups + 1];
        PrecisionRecallPoint[] pr = new PrecisionRecallPoint[groups];
        roc[0] = new RocPoint(Double.POSITIVE_INFINITY, 0.0, 0.0);
        long truePositives = 0;
        long falsePositives = 0;
        for (int g = 0; g < groups; g++) {
            truePositives += groupRefusals[g];
            falsePositives += groupApprovals[g];
            double recall = (double) truePositives / refusals;
            roc[g + 1] = new RocPoint(groupScores[g], (double) falsePositives / approvals, recall);
            pr[g] = new PrecisionRecallPoint(groupScores[g], recall,
                    (double) truePositives / (truePositives + falsePositives));
        }
        return new PerformanceCurves(Arrays.asList(roc), Arrays.asList(pr));
    }
}
