package org.licencerisk.model.training;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;
import org.tribuo.math.optimisers.AdaGrad;

/**
 * AdaGrad with L2 regularisation as decoupled weight decay: after every step each weight (not the bias) shrinks by
 * the factor {@code 1 - learningRate * l2 / examples}, so over one pass the weights shrink as the gradient of
 * {@code (l2 / 2) * ||w||^2} would make them, whatever AdaGrad's per-feature rates. Rare one-hot values, which
 * plain SGD lets grow on a handful of decisions, are pulled towards zero. The shrinking is applied in batches of
 * {@value #BATCH} steps (the product of their factors), so a step stays sparse.
 * <p>
 * Tribuo's {@code AdaGradRDA} takes an L2 strength too, but it changed nothing in our fits; this optimiser was
 * written for that reason. Not thread-safe, like every Tribuo optimiser.
 */
public final class WeightDecayAdaGrad implements StochasticGradientOptimiser {

    private static final int BATCH = 64;

    @Config(mandatory = true, description = "AdaGrad's initial learning rate.")
    private double learningRate;

    @Config(mandatory = true, description = "The L2 regularisation strength.")
    private double l2;

    @Config(mandatory = true, description = "How many examples one pass has (the decay per step is spread over them).")
    private int examples;

    private AdaGrad adaGrad;
    private DenseMatrix weights;
    private int pending;

    /**
     * Creates the optimiser.
     *
     * @param learningRate AdaGrad's initial learning rate
     * @param l2           the regularisation strength (0 for none)
     * @param examples     the number of training examples
     */
    public WeightDecayAdaGrad(double learningRate, double l2, int examples) {
        if (!(learningRate > 0) || !(l2 >= 0) || examples < 1) {
            throw new IllegalArgumentException("Weight-decay AdaGrad needs a positive learning rate, a non-negative L2 "
                    + "strength and at least one example, found " + learningRate + ", " + l2 + " and " + examples + ".");
        }
        this.learningRate = learningRate;
        this.l2 = l2;
        this.examples = examples;
        postConfig();
    }

    /** For OLCUT configuration. */
    private WeightDecayAdaGrad() {
    }

    @Override
    public void postConfig() {
        adaGrad = new AdaGrad(learningRate, 0.1);
    }

    @Override
    public void initialise(Parameters parameters) {
        adaGrad.initialise(parameters);
        Tensor[] tensors = parameters.get();
        if (tensors.length != 1 || !(tensors[0] instanceof DenseMatrix matrix)) {
            throw new IllegalArgumentException("Weight-decay AdaGrad works on linear models with one weight matrix.");
        }
        weights = matrix;
        pending = 0;
    }

    @Override
    public Tensor[] step(Tensor[] updates, double weight) {
        Tensor[] out = adaGrad.step(updates, weight);
        if (l2 > 0 && ++pending == BATCH) {
            decay();
        }
        return out;
    }

    private void decay() {
        double factor = Math.pow(1.0 - learningRate * l2 / examples, pending);
        pending = 0;
        int rows = weights.getDimension1Size();
        int biasColumn = weights.getDimension2Size() - 1;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < biasColumn; j++) {
                weights.set(i, j, weights.get(i, j) * factor);
            }
        }
    }

    @Override
    public void finalise() {
        if (l2 > 0 && pending > 0) {
            decay();
        }
        adaGrad.finalise();
    }

    @Override
    public void reset() {
        adaGrad.reset();
        weights = null;
        pending = 0;
    }

    @Override
    public WeightDecayAdaGrad copy() {
        return new WeightDecayAdaGrad(learningRate, l2, examples);
    }

    @Override
    public ConfiguredObjectProvenance getProvenance() {
        return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
    }

    @Override
    public String toString() {
        return "WeightDecayAdaGrad(learningRate=" + learningRate + ",l2=" + l2 + ",examples=" + examples + ")";
    }
}
