package org.licencerisk.functions;

import org.licencerisk.functions.artifacts.ArtifactStore;
import org.licencerisk.functions.artifacts.ArtifactStores;
import org.licencerisk.functions.artifacts.S3Objects;
import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.decisions.DecisionService;
import org.licencerisk.functions.decisions.DecisionHooks;
import org.licencerisk.functions.decisions.DynamoDbDecisionRepository;
import org.licencerisk.functions.denials.OwnRefusals;
import org.licencerisk.functions.matches.DynamoDbMatchReviewRepository;
import org.licencerisk.functions.matches.MatchReviewService;
import org.licencerisk.functions.denials.DenialRegister;
import org.licencerisk.functions.denials.DenialRepository;
import org.licencerisk.functions.denials.DynamoDbDenialRepository;
import org.licencerisk.functions.export.DecisionExporter;
import org.licencerisk.functions.export.ExportJobService;
import org.licencerisk.functions.export.S3ExportReader;
import org.licencerisk.functions.jobs.DynamoDbJobStore;
import org.licencerisk.functions.jobs.JobStore;
import org.licencerisk.functions.logging.StructuredLogger;
import org.licencerisk.functions.models.BackgroundChecks;
import org.licencerisk.functions.models.ChampionModel;
import org.licencerisk.functions.models.DynamoDbModelRegistry;
import org.licencerisk.functions.models.ModelCatalogue;
import org.licencerisk.functions.models.ModelRegistry;
import org.licencerisk.functions.models.PromotionService;
import org.licencerisk.functions.models.ShadowModels;
import org.licencerisk.functions.models.VerifiedModels;
import org.licencerisk.functions.monitoring.DriftService;
import org.licencerisk.functions.monitoring.RecentApplications;
import org.licencerisk.functions.privacy.PseudonymisationKeySource;
import org.licencerisk.functions.privacy.SecretsManagerClientFactory;
import org.licencerisk.functions.queue.CaseRepository;
import org.licencerisk.functions.queue.DynamoDbCaseRepository;
import org.licencerisk.functions.queue.QueueService;
import org.licencerisk.functions.rescoring.RescoreService;
import org.licencerisk.functions.rescoring.Sleeper;
import org.licencerisk.functions.retraining.RetrainingService;
import org.licencerisk.functions.screening.ApplicationScreening;
import org.licencerisk.functions.screening.RegisterFollower;
import org.licencerisk.functions.screening.RescreenService;
import org.licencerisk.functions.screening.ScreenerFactories;
import org.licencerisk.functions.screening.ScreenerFactory;
import org.licencerisk.functions.scores.DynamoDbScoreRepository;
import org.licencerisk.functions.scores.ScoreQueries;
import org.licencerisk.functions.scores.ScoringService;
import org.licencerisk.functions.scores.ShadowScoring;
import org.licencerisk.functions.shadow.DynamoDbShadowScoreRepository;
import org.licencerisk.functions.shadow.ShadowComparison;
import org.licencerisk.functions.shadow.ShadowScoreRepository;
import org.licencerisk.functions.shadow.ShadowScorer;
import org.licencerisk.functions.shadow.ShadowService;
import org.licencerisk.functions.storage.DynamoDbClientFactory;
import org.licencerisk.model.artifact.ModelArtifact;
import org.licencerisk.model.scoring.RiskScorer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The one factory of a container's dependencies: the configuration, the DynamoDB client, the model and the services,
 * each built once and only when first needed (the models function never loads a model). Thread-safe.
 */
public final class Components {

    private final ApiConfig config;
    private final Clock clock;
    private final StructuredLogger logger;
    private final Lazy<DynamoDbClient> dynamoDb;
    private final Lazy<RiskScorer> scorer;
    private final Lazy<ScoringService> scoring;
    private final Lazy<Optional<ArtifactStore>> artifactStore;
    private final boolean scorerGiven;
    private final Lazy<PseudonymisationKeySource> pseudonymisationKeys;
    private final Lazy<S3Objects> s3;
    private final ScreenerFactory screenerFactory;
    private final Lazy<Optional<RegisterFollower>> register;
    private final BackgroundChecks background;
    private final Sleeper sleeper;

    private Components(ApiConfig config, Clock clock, StructuredLogger logger, Supplier<DynamoDbClient> dynamoDb,
                       Supplier<RiskScorer> scorer, boolean scorerGiven, BackgroundChecks background, Sleeper sleeper,
                       ScreenerFactory screenerFactory) {
        this.screenerFactory = screenerFactory;
        this.register = new Lazy<>(() -> config.denialsTable() == null || screenerFactory == null ? Optional.empty()
                : Optional.of(new RegisterFollower(denials(), screenerFactory, config.championCheck(), logger,
                        background).loadNow()));
        this.scorerGiven = scorerGiven;
        this.background = background;
        this.sleeper = sleeper;
        this.config = config;
        this.clock = clock;
        this.logger = logger;
        this.dynamoDb = new Lazy<>(dynamoDb);
        this.scorer = new Lazy<>(scorer);
        this.scoring = new Lazy<>(() -> new ScoringService(new ChampionModel(scorer(), registry(), artifactStore(),
                config.championCheck(), logger, background), new DynamoDbScoreRepository(dynamoDb(),
                config.applicationsTable()), new DynamoDbCaseRepository(dynamoDb(), config.applicationsTable()), clock,
                shadowScoring(), logger, screening()));
        this.artifactStore = new Lazy<>(() -> ArtifactStores.create(config));
        this.pseudonymisationKeys = new Lazy<>(() -> PseudonymisationKeySource.from(config.keys(),
                () -> SecretsManagerClientFactory.create(config)));
        this.s3 = new Lazy<>(() -> S3Objects.create(config));
    }

    /** The components of a Lambda container, from its environment. */
    public static Components fromEnvironment() {
        return create(ApiConfig.fromEnvironment());
    }

    /** Components that build the client from the configuration and load the model from its directory. */
    public static Components create(ApiConfig config) {
        return create(config, StructuredLogger.stdout());
    }

    /** The same, logging to {@code logger} (the command line logs to standard error, keeping its output clean). */
    public static Components create(ApiConfig config, StructuredLogger logger) {
        return new Components(config, Clock.systemUTC(), logger, () -> DynamoDbClientFactory.create(config),
                () -> ModelArtifact.load(config.requireModelDir()).scorer(), false, BackgroundChecks.daemonThreads(),
                Sleeper.system(), ScreenerFactories.standard());
    }

    /** Components with a given client, scorer, clock and logger (tests and benchmarks). */
    public static Components of(ApiConfig config, DynamoDbClient client, RiskScorer scorer, Clock clock,
                                StructuredLogger logger) {
        return of(config, client, scorer, clock, logger, BackgroundChecks.daemonThreads(), Sleeper.system());
    }

    /**
     * The same, with the checks that follow the registry timed and run by {@code background}, and the re-scoring job
     * waiting on {@code sleeper} (tests: time that moves when the test says so).
     */
    public static Components of(ApiConfig config, DynamoDbClient client, RiskScorer scorer, Clock clock,
                                StructuredLogger logger, BackgroundChecks background, Sleeper sleeper) {
        return of(config, client, scorer, clock, logger, background, sleeper, ScreenerFactories.standard());
    }

    /** The same, screening with screeners built by {@code screenerFactory} (tests). */
    public static Components of(ApiConfig config, DynamoDbClient client, RiskScorer scorer, Clock clock,
                                StructuredLogger logger, ScreenerFactory screenerFactory) {
        return of(config, client, scorer, clock, logger, BackgroundChecks.daemonThreads(), Sleeper.system(),
                screenerFactory);
    }

    /** The same, with {@code background}, {@code sleeper} and {@code screenerFactory} given (tests). */
    public static Components of(ApiConfig config, DynamoDbClient client, RiskScorer scorer, Clock clock,
                                StructuredLogger logger, BackgroundChecks background, Sleeper sleeper,
                                ScreenerFactory screenerFactory) {
        return new Components(config, clock, logger, () -> client, () -> scorer, true, background, sleeper,
                screenerFactory);
    }

    /** The clock services decide by. */
    public Clock clock() {
        return clock;
    }

    /**
     * The denial register's storage.
     *
     * @throws IllegalStateException when {@code DENIALS_TABLE} is not set
     */
    public DenialRepository denials() {
        return new DynamoDbDenialRepository(dynamoDb(), config.requireDenialsTable());
    }

    /** The denial register's service. */
    public DenialRegister denialRegister() {
        return new DenialRegister(denials(), clock);
    }

    /**
     * The denial register this process follows (loaded on first use), or empty when it has no denials table or no
     * screener.
     */
    public Optional<RegisterFollower> registerFollower() {
        return register.get();
    }

    /**
     * The re-screening of undecided applications after a register change.
     *
     * @throws IllegalStateException when this process has no denials table or no screener
     */
    public RescreenService rescreenService() {
        RegisterFollower follower = registerFollower().orElseThrow(() -> new IllegalStateException(
                ApiConfig.DENIALS_TABLE + " is not set or no screener is built, so nothing can be re-screened."));
        return new RescreenService(follower, denials(), cases(),
                new DynamoDbScoreRepository(dynamoDb(), config.applicationsTable()), clock,
                RescreenService.DEFAULT_PAGE_SIZE);
    }

    /** How scoring screens applications: against the followed register, or not at all. */
    public ApplicationScreening screening() {
        return registerFollower().map(f -> ApplicationScreening.following(f, clock)).orElse(ApplicationScreening.NONE);
    }

    /** Returns the configuration. */
    public ApiConfig config() {
        return config;
    }

    /** Returns the logger. */
    public StructuredLogger logger() {
        return logger;
    }

    /** Returns the DynamoDB client, building it on first use. */
    public DynamoDbClient dynamoDb() {
        return dynamoDb.get();
    }

    /** Returns the scorer, loading the model on first use. */
    public RiskScorer scorer() {
        return scorer.get();
    }

    /** The scoring service (loads the model). */
    public ScoringService scoringService() {
        return scoring.get();
    }

    /** The score reader. */
    public ScoreQueries scoreQueries() {
        return new ScoreQueries(new DynamoDbScoreRepository(dynamoDb(), config.applicationsTable()));
    }

    /** The queue. */
    public QueueService queueService() {
        return new QueueService(new DynamoDbCaseRepository(dynamoDb(), config.applicationsTable()));
    }

    /** The decision recorder. */
    public DecisionService decisionService() {
        DecisionHooks hooks = DecisionHooks.NONE;
        if (config.denialsTable() != null) {
            DynamoDbScoreRepository scores = new DynamoDbScoreRepository(dynamoDb(), config.applicationsTable());
            hooks = DecisionHooks.all(List.of(matchReviews().guard(),
                    new OwnRefusals(denialRegister(), scores::application)));
        }
        return new DecisionService(new DynamoDbCaseRepository(dynamoDb(), config.applicationsTable()),
                new DynamoDbDecisionRepository(dynamoDb(), config.applicationsTable()), clock, hooks);
    }

    /** Officers' reviews of denial matches and the consultations they open. */
    public MatchReviewService matchReviews() {
        return new MatchReviewService(new DynamoDbScoreRepository(dynamoDb(), config.applicationsTable()),
                new DynamoDbMatchReviewRepository(dynamoDb(), config.applicationsTable()), clock);
    }

    /** The model catalogue. */
    public ModelCatalogue modelCatalogue() {
        return new ModelCatalogue(registry());
    }

    /** The promotion service. */
    public PromotionService promotionService() {
        return new PromotionService(registry(), clock, config.promotionTolerance());
    }

    /** The case items: latest scores, decision state and the queue. */
    public CaseRepository cases() {
        return new DynamoDbCaseRepository(dynamoDb(), config.applicationsTable());
    }

    /** The checkpoints of batch jobs (export, re-scoring), in the models table. */
    public JobStore jobStore() {
        return new DynamoDbJobStore(dynamoDb(), config.modelsTable());
    }

    /** The model registry. */
    public ModelRegistry registry() {
        return new DynamoDbModelRegistry(dynamoDb(), config.modelsTable());
    }

    /**
     * The retraining service.
     *
     * @throws IllegalArgumentException when no artifact store is configured
     */
    public RetrainingService retrainingService() {
        return new RetrainingService(new DecisionExporter(dynamoDb(), config.applicationsTable()),
                config.exportBucket() == null ? null : new S3ExportReader(s3.get(), config.exportBucket()), registry(),
                requireArtifactStore(), Optional.ofNullable(config.modelDir()), clock);
    }

    /** The drift report of the live system: recent applications from the applications table against a baseline. */
    public DriftService driftService() {
        return new DriftService(new RecentApplications(dynamoDb(), config.applicationsTable()), registry(),
                artifactStore(), Optional.ofNullable(config.modelDir()), clock);
    }

    /**
     * The re-scoring job. It scores with the champion's verified artifact, or with the deployment package's model when
     * the champion is that one ({@code MODEL_DIR}, or the scorer given to {@link #of}); without either, only champions
     * with a stored artifact can be used.
     */
    public RescoreService rescoreService() {
        DynamoDbScoreRepository scores = new DynamoDbScoreRepository(dynamoDb(), config.applicationsTable());
        RiskScorer bundled = config.modelDir() != null || scorerGiven ? scorer() : null;
        return new RescoreService(registry(), new VerifiedModels(bundled, registry(), artifactStore()), cases(), scores,
                scores::applications, jobStore(), clock, RescoreService.DEFAULT_PAGE_SIZE, config.rescoreSettle(),
                sleeper, screening());
    }

    /**
     * The pseudonymisation key of exports, from the configured secret or key file: read on first use, then kept for
     * the life of the container.
     *
     * @throws IllegalStateException when neither is configured
     */
    public PseudonymisationKeySource pseudonymisationKeys() {
        return pseudonymisationKeys.get();
    }

    /**
     * The training export into S3 in resumable parts.
     *
     * @throws IllegalStateException when no export bucket is configured
     */
    public ExportJobService exportService() {
        return new ExportJobService(new DecisionExporter(dynamoDb(), config.applicationsTable()), jobStore(), s3.get(),
                config.requireExportBucket(), clock);
    }

    /**
     * The artifact store.
     *
     * @throws IllegalArgumentException when none is configured
     */
    public ArtifactStore requireArtifactStore() {
        return artifactStore().orElseThrow(() -> new IllegalArgumentException(
                "Set ARTIFACT_BUCKET (S3) or ARTIFACT_DIR (local) to say where artifacts are stored."));
    }

    /** The artifact store (S3 or a local directory), built on first use; empty when none is configured. */
    public Optional<ArtifactStore> artifactStore() {
        return artifactStore.get();
    }

    /** What scores in shadow after each new primary score: nothing unless the shadow scores table is configured. */
    private ShadowScoring shadowScoring() {
        if (config.shadowScoresTable() == null) {
            return ShadowScoring.NONE;
        }
        return new ShadowScorer(new ShadowModels(registry(), artifactStore(), config.championCheck(), logger,
                background),
                shadowScores(), clock, logger);
    }

    /**
     * The shadow scores.
     *
     * @throws IllegalArgumentException when the shadow scores table is not configured
     */
    public ShadowScoreRepository shadowScores() {
        if (config.shadowScoresTable() == null) {
            throw new IllegalArgumentException("Set " + ApiConfig.SHADOW_SCORES_TABLE
                    + " to the shadow scores table to read or store shadow scores.");
        }
        return new DynamoDbShadowScoreRepository(dynamoDb(), config.shadowScoresTable());
    }

    /** Shadow mode on and off. */
    public ShadowService shadowService() {
        return new ShadowService(registry(), promotionService(), clock);
    }

    /** The comparison of a model with a baseline on the same applications. */
    public ShadowComparison shadowComparison() {
        return new ShadowComparison(registry(), shadowScores());
    }

    /** A value built once, on first use. */
    private static final class Lazy<T> {
        private final Supplier<T> supplier;
        private volatile T value;

        Lazy(Supplier<T> supplier) {
            this.supplier = supplier;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = supplier.get();
                        value = v;
                    }
                }
            }
            return v;
        }
    }
}
