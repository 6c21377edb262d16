package org.licencerisk.model.training;

import org.licencerisk.model.scoring.Calibration;

/**
 * Fits a {@link Calibration} by maximum likelihood (Newton's method on the log loss), with Platt's smoothed
 * targets so a small calibration set cannot drive the scores to exactly 0 or 1.
 */
final class PlattScaling {

    private static final int MAX_ITERATIONS = 100;

    private PlattScaling() {
    }

    static Calibration fit(double[] logOdds, boolean[] refused) {
        int n = logOdds.length;
        int positives = 0;
        for (boolean r : refused) {
            positives += r ? 1 : 0;
        }
        int negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("The calibration period needs both refusals and approvals, found "
                    + positives + " refusals among " + n + " decisions; use more data or a later split date.");
        }
        double hiTarget = (positives + 1.0) / (positives + 2.0);
        double loTarget = 1.0 / (negatives + 2.0);
        double a = 1.0;
        double b = 0.0;
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double gA = 0, gB = 0, hAA = 0, hAB = 0, hBB = 0;
            for (int i = 0; i < n; i++) {
                double p = 1.0 / (1.0 + Math.exp(-(a * logOdds[i] + b)));
                double t = refused[i] ? hiTarget : loTarget;
                double d = p - t;
                double w = Math.max(p * (1 - p), 1e-12);
                gA += d * logOdds[i];
                gB += d;
                hAA += w * logOdds[i] * logOdds[i];
                hAB += w * logOdds[i];
                hBB += w;
            }
            hAA += 1e-9;
            hBB += 1e-9;
            double det = hAA * hBB - hAB * hAB;
            if (Math.abs(det) < 1e-18) {
                break;
            }
            double dA = (hBB * gA - hAB * gB) / det;
            double dB = (hAA * gB - hAB * gA) / det;
            a -= dA;
            b -= dB;
            if (Math.abs(dA) < 1e-10 && Math.abs(dB) < 1e-10) {
                break;
            }
        }
        return new Calibration(a, b);
    }
}
