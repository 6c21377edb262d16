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
import java.util.List;

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
        // One prediction thread: a request scores one row, and OpenMP threads competing for the function's
        // cores made one-row predictions wait (measured in BENCHMARKS.md).
        model.setNumThreads(1);
        this.booster = model.getInnerModels().get(0);
        this.featureMap = model.getFeatureIDMap();
        this.columns = featureMap.size();
    }

    @Override
    public double explain(EncodedFeatures features, double[] contributions) {
        int[] ids = ids(features);
        if (contributions == null) {
            return margins(List.of(features))[0];
        }
        float[] row;
        try {
            DMatrix matrix = matrix(List.of(features));
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
        double attributed = 0;
        for (int i = 0; i < ids.length; i++) {
            double c = ids[i] < 0 ? 0.0 : row[refused * stride + ids[i]] - row[approved * stride + ids[i]];
            contributions[i] = c;
            attributed += c;
        }
        contributions[ids.length] = total - attributed;
        return total;
    }

    /** Scores many applications with one prediction call: the booster's margins, without contributions. */
    @Override
    public double[] logOdds(List<EncodedFeatures> features) {
        return margins(features);
    }

    private double[] margins(List<EncodedFeatures> features) {
        float[][] margins;
        try {
            DMatrix matrix = matrix(features);
            try {
                synchronized (booster) {
                    margins = booster.predict(matrix, true, 0);
                }
            } finally {
                matrix.dispose();
            }
        } catch (XGBoostError e) {
            throw new IllegalStateException("XGBoost could not score applications: " + e.getMessage(), e);
        }
        double[] out = new double[features.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (double) margins[i][refused] - margins[i][approved];
        }
        return out;
    }

    private int[] ids(EncodedFeatures features) {
        String[] names = features.names();
        int[] ids = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            ids[i] = featureMap.getID(names[i]);
        }
        return ids;
    }

    /** Builds a CSR matrix of the known features, each row's columns in increasing order as XGBoost expects. */
    private DMatrix matrix(List<EncodedFeatures> rows) throws XGBoostError {
        long[] headers = new long[rows.size() + 1];
        int total = 0;
        for (EncodedFeatures f : rows) {
            total += f.size();
        }
        int[] cols = new int[total];
        float[] data = new float[total];
        int k = 0;
        for (int r = 0; r < rows.size(); r++) {
            EncodedFeatures f = rows.get(r);
            int[] ids = ids(f);
            Integer[] order = new Integer[ids.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Integer.compare(ids[x], ids[y]));
            for (Integer i : order) {
                if (ids[i] >= 0) {
                    cols[k] = ids[i];
                    data[k] = (float) f.values()[i];
                    k++;
                }
            }
            headers[r + 1] = k;
        }
        return new DMatrix(headers, Arrays.copyOf(cols, k), Arrays.copyOf(data, k), DMatrix.SparseType.CSR, columns);
    }
}
