package org.licencerisk.bench.api;

import org.licencerisk.functions.config.ApiConfig;
import org.licencerisk.functions.shadow.DynamoDbShadowScoreRepository;
import org.licencerisk.functions.shadow.ShadowScore;
import org.licencerisk.functions.storage.DynamoDbClientFactory;
import org.licencerisk.functions.storage.TableDefinitions;
import org.licencerisk.model.scoring.RiskBand;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The storage cost shadow mode adds to a new score: one conditional PutItem of a shadow score item per shadow model,
 * through the functions' own client and repository, against a DynamoDB-compatible server on 127.0.0.1. Prints the
 * mean of sequential puts after a warm-up, and the same for repeats (the put that fails its condition).
 * <p>
 * {@code java -cp bench/api/target/api-benchmarks.jar org.licencerisk.bench.api.ShadowPutCost PORT N}
 */
public final class ShadowPutCost {

    private static final int WARM_UP = 500;

    private ShadowPutCost() {
    }

    /** Runs against {@code http://127.0.0.1:PORT} with {@code N} measured puts. */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: ShadowPutCost PORT CALLS");
        }
        int calls = Integer.parseInt(args[1]);
        String table = "shadow-put-cost-" + System.nanoTime();
        ApiConfig config = ApiConfig.from(Map.of(ApiConfig.APPLICATIONS_TABLE, "unused-applications",
                ApiConfig.MODELS_TABLE, "unused-models", ApiConfig.DYNAMODB_ENDPOINT, "http://127.0.0.1:" + args[0],
                ApiConfig.SHADOW_SCORES_TABLE, table));
        try (DynamoDbClient client = DynamoDbClientFactory.create(config)) {
            TableDefinitions.createIfMissing(client, List.of(TableDefinitions.shadowScores(table)));
            DynamoDbShadowScoreRepository repository = new DynamoDbShadowScoreRepository(client, table);
            for (int i = 0; i < WARM_UP; i++) {
                repository.insertIfAbsent(item("W" + i));
            }
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                if (!repository.insertIfAbsent(item("M" + i))) {
                    throw new IllegalStateException("A new shadow score was not stored.");
                }
            }
            long stored = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                if (repository.insertIfAbsent(item("M" + i))) {
                    throw new IllegalStateException("A repeated shadow score was stored twice.");
                }
            }
            long end = System.nanoTime();
            System.out.printf(Locale.ROOT, "%d shadow PutItem: %.3f ms each; %d repeats (condition fails): %.3f ms each%n",
                    calls, (stored - start) / 1e6 / calls, calls, (end - stored) / 1e6 / calls);
        }
    }

    /** A shadow score item of the size the scoring path writes (three factor names, two red flags). */
    private static ShadowScore item(String id) {
        String hash = String.format(Locale.ROOT, "%064x", id.hashCode() & 0xffffffffL);
        return new ShadowScore("challenger-2026-11-29", ShadowScore.pairKey("NL-2026-" + id, hash), "NL-2026-" + id,
                0.4321, RiskBand.MEDIUM, List.of("destinationCountry=EG", "endUserType=POLICE_OR_SECURITY",
                "controlEntry=5A001.j"), List.of("EMBARGO_DESTINATION", "MISSING_END_USER_STATEMENT"),
                "champion-2026-11-01", 0.3876, RiskBand.MEDIUM, hash.substring(0, 32), Instant.now());
    }
}
