package org.licencerisk.model.scoring;

import org.licencerisk.model.features.EncodedFeatures;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.VariableInfo;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.math.la.DenseMatrix;

import java.util.HashMap;
import java.util.Map;

/**
 * The log-odds of a Tribuo logistic regression, computed from its weights: for two classes with a softmax,
 * {@code log(p(REFUSED) / p(APPROVED)) = (w_REFUSED - w_APPROVED) . x + (b_REFUSED - b_APPROVED)}, so each
 * feature's contribution is exactly its weight difference times its value.
 */
final class LinearLogOdds implements LogOddsModel {

    private final Map<String, Double> weights;
    private final double bias;

    LinearLogOdds(LinearSGDModel model) {
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        int refused = outputs.getID(new Label(RefusalLabels.REFUSED));
        int approved = outputs.getID(new Label(RefusalLabels.APPROVED));
        if (refused < 0 || approved < 0 || outputs.size() != 2) {
            throw new IllegalArgumentException("A refusal model must have exactly the labels APPROVED and REFUSED.");
        }
        DenseMatrix w = model.getWeightsCopy();
        ImmutableFeatureMap features = model.getFeatureIDMap();
        Map<String, Double> map = new HashMap<>(features.size() * 2);
        for (VariableInfo info : features) {
            int id = features.getID(info.getName());
            map.put(info.getName(), w.get(refused, id) - w.get(approved, id));
        }
        // The bias is the last column of Tribuo's weight matrix.
        int biasColumn = w.getDimension2Size() - 1;
        this.bias = w.get(refused, biasColumn) - w.get(approved, biasColumn);
        this.weights = Map.copyOf(map);
    }

    @Override
    public double explain(EncodedFeatures features, double[] contributions) {
        String[] names = features.names();
        double[] values = features.values();
        double sum = bias;
        for (int i = 0; i < names.length; i++) {
            Double w = weights.get(names[i]);
            double c = w == null ? 0.0 : w * values[i];
            sum += c;
            if (contributions != null) {
                contributions[i] = c;
            }
        }
        if (contributions != null) {
            contributions[names.length] = bias;
        }
        return sum;
    }
}
