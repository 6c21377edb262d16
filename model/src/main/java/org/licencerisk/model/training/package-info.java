/**
 * Training: time-ordered splits, class-weighted Tribuo logistic regression or XGBoost, Platt calibration on the
 * newest part of the training period, band thresholds, and the artifact with its manifest.
 */
package org.licencerisk.model.training;
