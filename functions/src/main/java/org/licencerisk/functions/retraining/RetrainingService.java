package org.licencerisk.functions.retraining;

import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.functions.export.DecisionExporter;
import org.licencerisk.functions.export.ExportSummary;
import org.licencerisk.functions.export.S3ExportReader;
import org.licencerisk.functions.models.HeldOutComparison;
import org.licencerisk.functions.models.HeldOutComparison.PeriodMetrics;
import org.licencerisk.functions.models.ModelRegistry;
import org.licencerisk.functions.models.RegisteredArtifacts;
import org.licencerisk.functions.models.RegisteredModel;
import org.licencerisk.functions.models.StoredArtifact;
import org.licencerisk.model.artifact.ArtifactException;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.data.JsonLinesDecisionLoader;
import org.licencerisk.model.evaluation.EvaluationMetrics;
import org.licencerisk.model.evaluation.RiskEvaluator;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.io.AtomicFiles;
import org.licencerisk.model.privacy.Pseudonymiser;
import org.licencerisk.model.reference.ReferenceData;
import org.licencerisk.model.training.ProgressListener;
import org.licencerisk.model.training.RiskModelTrainer;
import org.licencerisk.model.training.TrainingOptions;
import org.licencerisk.model.training.TrainingResult;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Retrains: exports the decided applications (pseudonymised, streamed to a private temporary file; or reads a completed
 * export of the export function from S3, each part checked against its manifest digest), loads them with
 * the standard feature definition, splits them by time (the newest 20% of labelled decisions, or those from a given
 * split date, are the held-out period), trains a challenger on the older part with the held-out period as its
 * explicit test set, scores exactly the same held-out decisions with the current champion (its stored artifact,
 * verified against the registry's digests), stores the challenger's artifact and registers it as a candidate with
 * the comparison. Nothing is registered when a part has too few refusals or approvals. Not thread-safe (training is
 * not); one retraining at a time per instance.
 */
public final class RetrainingService {

    /** The held-out share of labelled decisions when no split date is given. */
    static final double HELD_OUT_SHARE = 0.2;
    private static final String EXPORT_FILE = "decisions.jsonl";

    private final DecisionExporter exporter;
    private final S3ExportReader exports;
    private final ModelRegistry registry;
    private final ArtifactStore store;
    private final Optional<Path> bundledModelDir;
    private final Clock clock;

    public RetrainingService(DecisionExporter exporter, ModelRegistry registry, ArtifactStore store, Clock clock) {
        this(exporter, null, registry, store, Optional.empty(), clock);
    }

    /**
     * @param exports         reads completed exports of the export function, or {@code null} where no export bucket
     *                        is configured
     * @param bundledModelDir the deployment package's model directory ({@code MODEL_DIR}), if configured: a champion
     *                        held only there (the first one) is read from it to be scored on the held-out period
     */
    public RetrainingService(DecisionExporter exporter, S3ExportReader exports, ModelRegistry registry,
                             ArtifactStore store, Optional<Path> bundledModelDir, Clock clock) {
        this.exporter = exporter;
        this.exports = exports;
        this.registry = registry;
        this.store = store;
        this.bundledModelDir = bundledModelDir;
        this.clock = clock;
    }

    /**
     * Retrains and registers a challenger.
     *
     * @param progress told each step; never application contents
     * @throws InsufficientDataException when the training part or the held-out period has fewer than
     *                                   {@value RiskModelTrainer#MIN_PER_CLASS} refusals or approvals
     */
    public RetrainingResult retrain(RetrainingRequest request, Pseudonymiser pseudonymiser, ProgressListener progress) {
        Path work = null;
        try {
            work = Files.createTempDirectory("licence-risk-retrain-");
            Path file = work.resolve(EXPORT_FILE);
            ExportSummary export = request.exportId() == null
                    ? exporter.export(file, pseudonymiser, s -> progress.progress("exporting", s.decided(), 0))
                    : readExport(request.exportId(), file, pseudonymiser);
            DecisionDataset data = load(file, FeatureDefinition.standard(), export);
            Instant split = request.splitDate() != null ? request.splitDate() : defaultSplit(data.labelled());
            DecisionDataset training = data.before(split);
            DecisionDataset heldOut = data.from(split);
            requireBothClasses(training.labelled(), "training part (decisions before " + split + ")");
            requireBothClasses(heldOut.labelled(), "held-out period (decisions from " + split + ")");

            TrainingOptions options = TrainingOptions.defaults(request.trainer()).withSeed(request.seed());
            TrainingResult trained;
            try {
                trained = new RiskModelTrainer(options, progress).train(training, heldOut, EXPORT_FILE);
            } catch (IllegalArgumentException tooFew) {
                throw new InsufficientDataException("The decided applications are too few to train a challenger: "
                        + tooFew.getMessage(), tooFew);
            }
            List<DecisionRecord> period = heldOut.labelled();
            progress.progress("scoring the champion", 0, period.size());
            HeldOutComparison comparison = compare(file, split, heldOut, trained.metrics());
            progress.progress("scoring the champion", period.size(), period.size());

            Path artifactDir = work.resolve("challenger");
            trained.artifact().writeTo(artifactDir);
            StoredArtifact stored = store.put(artifactDir);
            String version = trained.artifact().manifest().modelVersion();
            boolean registered = registry.register(trained.artifact().manifest(), stored, request.actor(),
                    clock.instant().truncatedTo(ChronoUnit.MILLIS), comparison);
            progress.progress("registered", 1, 1);
            return new RetrainingResult(version, registered, stored, export, training.records().size(), comparison);
        } catch (IOException e) {
            throw new UncheckedIOException("The retraining's temporary files could not be written.", e);
        } finally {
            AtomicFiles.deleteTreeQuietly(work);
        }
    }

    /** The rows of a completed S3 export, checked against its manifest, instead of exporting in process. */
    private ExportSummary readExport(String exportId, Path file, Pseudonymiser pseudonymiser) {
        if (exports == null) {
            throw new IllegalArgumentException("No export bucket is configured (EXPORT_BUCKET), so export " + exportId
                    + " cannot be read.");
        }
        return exports.read(exportId, file, pseudonymiser.keyId());
    }

    /** The first decision time of the newest {@value #HELD_OUT_SHARE} of labelled decisions. */
    private static Instant defaultSplit(List<DecisionRecord> labelled) {
        if (labelled.size() < 2 * RiskModelTrainer.MIN_PER_CLASS * 2) {
            throw new InsufficientDataException("Only " + labelled.size() + " decided applications were approved or "
                    + "refused; a challenger needs at least " + 4 * RiskModelTrainer.MIN_PER_CLASS + ".");
        }
        int heldOut = (int) Math.ceil(labelled.size() * HELD_OUT_SHARE);
        return labelled.get(labelled.size() - heldOut).decidedAt();
    }

    private static void requireBothClasses(List<DecisionRecord> records, String part) {
        long refusals = records.stream().filter(DecisionRecord::refused).count();
        long approvals = records.size() - refusals;
        if (refusals < RiskModelTrainer.MIN_PER_CLASS || approvals < RiskModelTrainer.MIN_PER_CLASS) {
            throw new InsufficientDataException("The " + part + " has " + refusals + " refusals and " + approvals
                    + " approvals; each needs at least " + RiskModelTrainer.MIN_PER_CLASS + ".");
        }
    }

    /** The challenger's metrics and the champion's on exactly the records of {@code period}. */
    private HeldOutComparison compare(Path file, Instant split, DecisionDataset heldOut,
                                      EvaluationMetrics challenger) throws IOException {
        List<DecisionRecord> period = heldOut.labelled();
        Instant to = period.get(period.size() - 1).decidedAt();
        int refusals = (int) period.stream().filter(DecisionRecord::refused).count();
        // Before the first promotion the deployment package's model serves, and the first promotion makes it champion.
        Optional<String> championVersion = registry.servedVersion();
        if (championVersion.isEmpty()) {
            return new HeldOutComparison(null, split, to, period.size(), refusals, PeriodMetrics.of(challenger), null,
                    "There is no champion to compare with.");
        }
        String version = championVersion.get();
        Optional<RegisteredModel> registered = registry.find(version);
        boolean bundled = bundledModelDir.isPresent() && registered.isPresent() && registered.get().artifact() == null;
        if (registered.isEmpty() || registered.get().artifact() == null && !bundled) {
            return new HeldOutComparison(version, split, to, period.size(), refusals, PeriodMetrics.of(challenger),
                    null, "The champion's artifact is not in the artifact store (it is held only in a deployment "
                    + "package), so it was not scored on this period.");
        }
        ModelArtifact champion;
        try {
            champion = RegisteredArtifacts.loadOrBundled(registered.get(), Optional.of(store), bundledModelDir,
                    "champion");
        } catch (ArtifactException refused) {
            return new HeldOutComparison(version, split, to, period.size(), refusals, PeriodMetrics.of(challenger),
                    null, "The champion's stored artifact failed verification, so it was not scored on this period.");
        }
        List<DecisionRecord> same = sameRecords(file, split, heldOut, champion.definition());
        EvaluationMetrics metrics = new RiskEvaluator().evaluate(RiskModelTrainer.scores(champion, same),
                RiskModelTrainer.labels(same), champion.manifest().bandThresholds());
        return new HeldOutComparison(version, split, to, period.size(), refusals,
                PeriodMetrics.of(challenger), PeriodMetrics.of(metrics), null);
    }

    /** The held-out records as the champion's feature definition reads them, in the same order. */
    private static List<DecisionRecord> sameRecords(Path file, Instant split, DecisionDataset heldOut,
                                                    FeatureDefinition definition) throws IOException {
        List<DecisionRecord> period = heldOut.labelled();
        if (definition.equals(heldOut.definition())) {
            return period;
        }
        List<DecisionRecord> reread = new JsonLinesDecisionLoader().load(file, definition, ReferenceData.shipped())
                .from(split).labelled();
        if (!reread.stream().map(DecisionRecord::id).toList().equals(period.stream().map(DecisionRecord::id).toList())) {
            throw new IllegalStateException("The held-out period read under the champion's features differs from "
                    + "the challenger's.");
        }
        return reread;
    }

    private static DecisionDataset load(Path file, FeatureDefinition definition, ExportSummary export)
            throws IOException {
        if (export.exported() == 0) {
            throw new InsufficientDataException("No decided application has a stored score to learn from.");
        }
        return new JsonLinesDecisionLoader().load(file, definition, ReferenceData.shipped());
    }

}
