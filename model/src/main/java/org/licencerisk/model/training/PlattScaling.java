package org.licencerisk.model.training;

import org.licencerisk.model.scoring.Calibration;

/**
 * Fits a {@link Calibration} by maximum likelihood with Platt's smoothed targets, so a small calibration set
 * cannot drive scores to exactly 0 or 1. Newton's method with a backtracking line search, after Lin, Lin and
 * Weng, "A note on Platt's probabilistic outputs for support vector machines" (2007), which converges where
 * plain Newton steps overshoot.
 */
final class PlattScaling {

    private static final int MAX_ITERATIONS = 100;
    private static final double MIN_STEP = 1e-10;
    private static final double SIGMA = 1e-12;
    private static final double EPSILON = 1e-5;

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
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = refused[i] ? hiTarget : loTarget;
        }
        // Platt's parametrisation: p = 1 / (1 + exp(A f + B)); the calibration is slope = -A, intercept = -B.
        double a = 0.0;
        double b = Math.log((negatives + 1.0) / (positives + 1.0));
        double loss = loss(logOdds, t, a, b);
        for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
            double h11 = SIGMA, h22 = SIGMA, h21 = 0, g1 = 0, g2 = 0;
            for (int i = 0; i < n; i++) {
                double fApB = logOdds[i] * a + b;
                double p;
                double q;
                if (fApB >= 0) {
                    p = Math.exp(-fApB) / (1.0 + Math.exp(-fApB));
                    q = 1.0 / (1.0 + Math.exp(-fApB));
                } else {
                    p = 1.0 / (1.0 + Math.exp(fApB));
                    q = Math.exp(fApB) / (1.0 + Math.exp(fApB));
                }
                double d2 = p * q;
                h11 += logOdds[i] * logOdds[i] * d2;
                h22 += d2;
                h21 += logOdds[i] * d2;
                double d1 = t[i] - p;
                g1 += logOdds[i] * d1;
                g2 += d1;
            }
            if (Math.abs(g1) < EPSILON && Math.abs(g2) < EPSILON) {
                break;
            }
            double det = h11 * h22 - h21 * h21;
            double dA = -(h22 * g1 - h21 * g2) / det;
            double dB = -(-h21 * g1 + h11 * g2) / det;
            double gd = g1 * dA + g2 * dB;
            double step = 1.0;
            while (step >= MIN_STEP) {
                double newA = a + step * dA;
                double newB = b + step * dB;
                double newLoss = loss(logOdds, t, newA, newB);
                if (newLoss < loss + 0.0001 * step * gd) {
                    a = newA;
                    b = newB;
                    loss = newLoss;
                    break;
                }
                step /= 2.0;
            }
            if (step < MIN_STEP) {
                break;
            }
        }
        return new Calibration(-a, -b);
    }

    private static double loss(double[] f, double[] t, double a, double b) {
        double sum = 0;
        for (int i = 0; i < f.length; i++) {
            double fApB = f[i] * a + b;
            sum += fApB >= 0 ? t[i] * fApB + Math.log1p(Math.exp(-fApB)) : (t[i] - 1) * fApB + Math.log1p(Math.exp(fApB));
        }
        return sum;
    }
}
