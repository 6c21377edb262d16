package org.licencerisk.model.training;

import org.junit.jupiter.api.Test;
import org.licencerisk.model.scoring.Calibration;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlattScalingTest {

    @Test
    void recoversTheSlopeAndInterceptOfWellSpecifiedData() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 50_000;
        double[] x = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian() * 2;
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-(0.5 * x[i] - 2.0)));
        }
        Calibration c = PlattScaling.fit(x, y);
        assertEquals(0.5, c.slope(), 0.05);
        assertEquals(-2.0, c.intercept(), 0.1);
    }

    @Test
    void staysFiniteAndModerateWhenTheClassesAreSeparable() {
        // Raw log-odds that separate the classes perfectly: plain Newton steps diverge here.
        double[] x = {-30, -25, -20, -18, -15, -12, 20, 25};
        boolean[] y = {false, false, false, false, false, false, true, true};
        Calibration c = PlattScaling.fit(x, y);
        assertTrue(Double.isFinite(c.slope()) && Double.isFinite(c.intercept()));
        double high = c.probability(25);
        double low = c.probability(-30);
        assertTrue(high > 0.6 && high < 1.0, "high " + high);
        assertTrue(low > 0.0 && low < 0.2, "low " + low);
    }

    @Test
    void needsBothClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlattScaling.fit(new double[]{1, 2}, new boolean[]{false, false}));
        assertTrue(e.getMessage().contains("0 refusals"));
    }
}
