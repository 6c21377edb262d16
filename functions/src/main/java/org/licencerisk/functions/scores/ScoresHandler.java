package org.licencerisk.functions.scores;

import com.amazonaws.services.lambda.runtime.Context;
import org.crac.Core;
import org.crac.Resource;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.http.ApiDispatcher;
import org.licencerisk.functions.http.ApiRequest;
import org.licencerisk.functions.http.ApiResponse;
import org.licencerisk.functions.http.HttpApiHandler;
import org.licencerisk.functions.logging.StructuredLogger;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code POST /v1/scores} for licensing systems (IAM-authorised): scores and stores an application.
 * <p>
 * In Lambda the no-argument constructor loads the model during init and registers a CRaC priming hook, so that
 * SnapStart's snapshot holds a loaded model, JIT-warmed scoring code and a connected DynamoDB client.
 */
public final class ScoresHandler implements HttpApiHandler, Resource {

    /** The route. */
    public static final String PATH = "/v1/scores";
    private static final String PRIMING_APPLICATION = "priming-application.json";
    private static final int PRIMING_ROUNDS = 2_000;

    private final ScoringService service;
    private final StructuredLogger log;
    private final ApiDispatcher api;

    /** For Lambda: builds the dependencies from the environment and registers the priming hook. */
    public ScoresHandler() {
        this(Components.fromEnvironment());
        Core.getGlobalContext().register(this);
    }

    /** For tests and the local server: dependencies from {@code components}. */
    public ScoresHandler(Components components) {
        this(components.scoringService(), components.logger());
    }

    /** With explicit dependencies (benchmarks, tests). */
    public ScoresHandler(ScoringService service, StructuredLogger log) {
        this.service = service;
        this.log = log;
        this.api = ApiDispatcher.builder(log).post(PATH, this::post).build();
    }

    @Override
    public ApiDispatcher dispatcher() {
        return api;
    }

    private ApiResponse post(ApiRequest request) {
        ScoringResult result = service.score(request.body());
        StoredScore s = result.score();
        String location = "/v1/applications/" + s.applicationId() + "/scores/" + s.scoreId();
        return new ApiResponse(result.created() ? 201 : 200, ScoreView.of(s),
                Map.of(result.created() ? "Location" : "Content-Location", location), Map.of())
                .withLog("applicationId", s.applicationId())
                .withLog("scoreId", s.scoreId())
                .withLog("created", result.created())
                .withLog("riskBand", s.score().riskBand())
                .withLog("modelVersion", s.score().modelVersion())
                .withLog("scoringLatencyMicros", s.scoringLatencyMicros());
    }

    /**
     * Primes the container before the SnapStart snapshot: registers the model (a real, idempotent DynamoDB write
     * that also opens the client's connection) and scores a made-up application in memory until the JIT has warmed up.
     * Nothing about any real application is touched.
     */
    public void prime() {
        prime(PRIMING_ROUNDS);
    }

    /** Primes as {@link #prime()} does with {@code rounds} in-memory scoring rounds (the local server uses fewer). */
    public void prime(int rounds) {
        long start = System.nanoTime();
        service.registerModel();
        String body;
        try (InputStream in = ScoresHandler.class.getResourceAsStream(PRIMING_APPLICATION)) {
            if (in == null) {
                throw new IllegalStateException("The priming application is missing from the jar.");
            }
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("The priming application could not be read.", e);
        }
        ApplicationParser parser = new ApplicationParser();
        for (int i = 0; i < rounds; i++) {
            LicenceApplication application = parser.parse(body);
            InputHash.of(application);
            try {
                Json.mapper().writeValueAsBytes(service.scorer().score(application));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A priming score could not be serialised.", e);
            }
        }
        log.log(StructuredLogger.Level.INFO, null, "primed",
                Map.of("rounds", rounds, "ms", (System.nanoTime() - start) / 1e6));
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to refresh: the SDK re-opens connections and re-resolves credentials by itself.
    }
}
