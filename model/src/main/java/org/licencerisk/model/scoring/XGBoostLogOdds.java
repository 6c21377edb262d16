package org.licencerisk.model.scoring;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.licencerisk.model.features.EncodedFeatures;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.ImmutableOutputInfo;
import org.tribuo.classification.Label;
import org.tribuo.common.xgboost.XGBoostModel;

import java.util.Arrays;

/**
 * The log-odds of a Tribuo XGBoost classifier with exact per-prediction contributions (TreeSHAP, the booster's
 * own {@code predictContrib}). Tribuo trains a two-class softmax, so the log-odds of refusal is the difference of
 * the two class margins and each feature's contribution is the difference of its two class contributions.
 * <p>
 * Booster calls are serialised on the booster, since xgboost4j does not promise concurrent prediction.
 */
final class XGBoostLogOdds implements LogOddsModel {

    private final Booster booster;
    private final ImmutableFeatureMap featureMap;
    private final int refused;
    private final int approved;
    private final int columns;

    XGBoostLogOdds(XGBoostModel<Label> model) {
        ImmutableOutputInfo<Label> outputs = model.getOutputIDInfo();
        this.refused = outputs.getID(new Label(RefusalLabels.REFUSED));
        this.approved = outputs.getID(new Label(RefusalLabels.APPROVED));
        if (refused < 0 || approved < 0 || outputs.size() != 2) {
            throw new IllegalArgumentException("A refusal model must have exactly the labels APPROVED and REFUSED.");
        }
        if (model.getInnerModels().size() != 1) {
            throw new IllegalArgumentException("An XGBoost refusal model must hold exactly one booster.");
        }
        this.booster = model.getInnerModels().get(0);
        this.featureMap = model.getFeatureIDMap();
        this.columns = featureMap.size();
    }

    @Override
    public double explain(EncodedFeatures features, double[] contributions) {
        String[] names = features.names();
        double[] values = features.values();
        int[] ids = new int[names.length];
        int present = 0;
        for (int i = 0; i < names.length; i++) {
            ids[i] = featureMap.getID(names[i]);
            if (ids[i] >= 0) {
                present++;
            }
        }
        // CSR row with the known features, in increasing column order as XGBoost expects.
        int[] cols = new int[present];
        float[] data = new float[present];
        Integer[] order = new Integer[names.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Integer.compare(ids[x], ids[y]));
        int k = 0;
        for (Integer i : order) {
            if (ids[i] >= 0) {
                cols[k] = ids[i];
                data[k] = (float) values[i];
                k++;
            }
        }
        float[] row;
        try {
            DMatrix matrix = new DMatrix(new long[]{0, present}, cols, data, DMatrix.SparseType.CSR, columns);
            try {
                synchronized (booster) {
                    row = booster.predictContrib(matrix, 0)[0];
                }
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not score an application: " + e.getMessage(), e);
        }
        // Layout: for each class, (columns + 1) values, the last being the class's bias.
        int stride = columns + 1;
        double total = 0;
        for (int c = 0; c < stride; c++) {
            total += row[refused * stride + c] - row[approved * stride + c];
        }
        if (contributions != null) {
            double attributed = 0;
            for (int i = 0; i < names.length; i++) {
                double c = ids[i] < 0 ? 0.0 : row[refused * stride + ids[i]] - row[approved * stride + ids[i]];
                contributions[i] = c;
                attributed += c;
            }
            contributions[names.length] = total - attributed;
        }
        return total;
    }
}
