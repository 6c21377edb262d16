package org.licencerisk.functions.monitoring;

import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.functions.models.ModelRegistry;
import org.licencerisk.functions.models.RegisteredArtifacts;
import org.licencerisk.functions.models.RegisteredModel;
import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DataFormatException;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.JsonLinesDecisionLoader;
import org.licencerisk.model.monitoring.DriftAnalyzer;
import org.licencerisk.model.monitoring.DriftReport;
import org.licencerisk.model.monitoring.DriftReportWriter;
import org.licencerisk.model.reference.ReferenceData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Makes the drift report of the live system: the applications scored in a window ({@link RecentApplications})
 * against a baseline file (the model's training data), with the champion or a named registered model, loaded and
 * verified as the scoring side loads it ({@link RegisteredArtifacts}; a champion that only a deployment package holds
 * is read from {@code MODEL_DIR} when that holds it). Writes {@code drift.json} and {@code drift.html} with the model
 * module's {@link DriftReportWriter}, each file whole or not at all. Scores are recomputed with the chosen model, so
 * both periods are scored alike whatever model scored the applications when they arrived.
 */
public final class DriftService {

    private final RecentApplications recent;
    private final ModelRegistry registry;
    private final Optional<ArtifactStore> store;
    private final Optional<Path> bundledModelDir;
    private final Clock clock;

    /**
     * @param bundledModelDir the deployment package's model directory ({@code MODEL_DIR}), if configured
     * @param clock           dates the report and ends a window without {@code until}
     */
    public DriftService(RecentApplications recent, ModelRegistry registry, Optional<ArtifactStore> store,
                        Optional<Path> bundledModelDir, Clock clock) {
        this.recent = recent;
        this.registry = registry;
        this.store = store;
        this.bundledModelDir = bundledModelDir;
        this.clock = clock;
    }

    /**
     * Makes and writes the report.
     *
     * @param progress told the running counts of the window's reading; never application contents
     * @throws IllegalArgumentException when the window is reversed or the named model is not registered
     * @throws DriftException           when the baseline is missing or unreadable, there is no champion, the model's
     *                                  artifact fails verification, the window holds no application, or the report
     *                                  cannot be written
     */
    public DriftSummary run(DriftRequest request, Consumer<RecentCounts> progress) {
        Instant until = request.until() != null ? request.until() : clock.instant();
        if (!request.since().isBefore(until)) {
            throw new IllegalArgumentException("The window must end after it starts, but --since " + request.since()
                    + " is not before " + until + ".");
        }
        if (!Files.isRegularFile(request.baseline())) {
            throw new DriftException("The baseline file " + request.baseline() + " does not exist.");
        }
        ModelArtifact model = model(request.modelVersion());
        DecisionDataset baseline = baseline(request.baseline(), model);
        RecentPeriod period = recent.read(request.since(), until, model.definition(), ReferenceData.shipped(),
                progress);
        if (period.applications().records().isEmpty()) {
            throw new DriftException("No application scored from " + request.since() + " to " + until
                    + " has stored content to compare (" + period.counts().casesRead() + " cases read, "
                    + period.counts().withoutContent() + " in the window without stored content).");
        }
        DriftReport report = new DriftAnalyzer(DriftAnalyzer.DEFAULT_TOP_LEVELS, clock)
                .analyze(model, baseline, period.applications());
        try {
            DriftReportWriter.write(report, request.out());
        } catch (IOException e) {
            throw new DriftException("The report could not be written to " + request.out() + ".", e);
        }
        return DriftSummary.of(report, period, request.out());
    }

    /** The named model, or the champion (before the first promotion, the deployment package's model). */
    private ModelArtifact model(String requested) {
        String version = requested != null ? requested : registry.servedVersion()
                .orElseThrow(() -> new DriftException(
                        "There is no champion yet; name a registered model with --model."));
        String role = requested != null ? "model" : "champion";
        RegisteredModel registered = registry.find(version).orElseThrow(() -> new IllegalArgumentException(
                "The " + role + " " + version + " is not registered; 'registry list' shows the registered models."));
        try {
            return RegisteredArtifacts.loadOrBundled(registered, store, bundledModelDir, role);
        } catch (ArtifactException e) {
            throw new DriftException(e.getMessage(), e);
        }
    }

    private static DecisionDataset baseline(Path file, ModelArtifact model) {
        try {
            return new JsonLinesDecisionLoader().load(file, model.definition(), ReferenceData.shipped());
        } catch (DataFormatException e) {
            throw new DriftException("The baseline is not a decision file the model can read: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new DriftException("The baseline file " + file + " could not be read.", e);
        }
    }
}
