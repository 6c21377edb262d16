/**
 * The scoring library: a loaded model artifact turns a licence application into a calibrated, explained
 * {@link org.licencerisk.model.scoring.RiskScore} with red flags. Thread-safe and free of I/O per call.
 */
package org.licencerisk.model.scoring;
