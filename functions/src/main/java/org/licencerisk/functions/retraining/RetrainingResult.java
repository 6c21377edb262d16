package org.licencerisk.functions.retraining;

import org.licencerisk.functions.export.ExportSummary;
import org.licencerisk.functions.models.HeldOutComparison;
import org.licencerisk.functions.models.StoredArtifact;

/**
 * A retraining's outcome.
 *
 * @param modelVersion  the challenger's version
 * @param registered    whether this run registered it (a repeat of the same version is not registered twice)
 * @param artifact      where its artifact is stored
 * @param export        what the export read and wrote
 * @param trainingCount decisions before the held-out period (labelled or not)
 * @param comparison    the challenger and the champion on the same held-out period
 */
public record RetrainingResult(String modelVersion, boolean registered, StoredArtifact artifact, ExportSummary export,
                               int trainingCount, HeldOutComparison comparison) {
}
