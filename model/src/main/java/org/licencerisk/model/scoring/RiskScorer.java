package org.licencerisk.model.scoring;

import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.artifact.ModelManifest;

/**
 * Scores licence applications with one model. Implementations are immutable, thread-safe and do no I/O per call.
 */
public interface RiskScorer {

    /**
     * Scores a validated application.
     *
     * @param application an application built by {@link org.licencerisk.model.application.ApplicationParser}
     * @return the calibrated refusal risk, its band, the reasons and the red flags
     */
    RiskScore score(LicenceApplication application);

    /** Returns the manifest of the model this scorer uses. */
    ModelManifest manifest();
}
