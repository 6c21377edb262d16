/**
 * Retraining: export the decided applications, train a challenger on the older decisions, evaluate
 * it and the current champion on exactly the same newest held-out period, and register it as a candidate with that
 * comparison. The {@code RetrainFunction} and {@code registry retrain} both call {@link
 * org.licencerisk.functions.retraining.RetrainingService}.
 */
package org.licencerisk.functions.retraining;
