/**
 * Honest, time-ordered evaluation: ranking metrics, recall in the top of the queue, calibration, and the
 * {@code metrics.json} and {@code report.html} written for data scientists.
 */
package org.licencerisk.model.evaluation;
