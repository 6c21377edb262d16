package org.licencerisk.bench.api;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Compares the SDK's HTTP clients against a DynamoDB-compatible server: the time to build a client, create a table
 * and make a first PutItem in a fresh JVM, then the mean of sequential PutItem calls after a warm-up.
 * <p>
 * {@code java -cp bench/api/target/api-benchmarks.jar org.licencerisk.bench.api.HttpClientComparison url|apache5 PORT N}
 */
public final class HttpClientComparison {

    private static final int WARM_UP = 500;

    private HttpClientComparison() {
    }

    /** Runs one client kind against {@code http://127.0.0.1:PORT} with {@code N} measured calls. */
    public static void main(String[] args) {
        if (args.length != 3) {
            throw new IllegalArgumentException("Usage: HttpClientComparison url|apache5 PORT CALLS");
        }
        String kind = args[0];
        int port = Integer.parseInt(args[1]);
        int calls = Integer.parseInt(args[2]);
        long start = System.nanoTime();
        SdkHttpClient http = switch (kind) {
            case "url" -> UrlConnectionHttpClient.builder().build();
            case "apache5" -> Apache5HttpClient.builder().build();
            default -> throw new IllegalArgumentException("The client must be 'url' or 'apache5'.");
        };
        try (DynamoDbClient client = DynamoDbClient.builder().httpClient(http).region(Region.EU_WEST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + port))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build()) {
            String table = "http-client-" + kind;
            try {
                client.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder().attributeName("pk")
                                .attributeType(ScalarAttributeType.S).build())
                        .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build()));
            } catch (ResourceInUseException e) {
                // Left by an earlier run: the shape is the same.
            }
            String payload = "x".repeat(600);
            client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("first"))));
            long first = System.nanoTime() - start;
            for (int i = 0; i < WARM_UP; i++) {
                String key = "w" + i;
                client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(key),
                        "v", AttributeValue.fromS(payload))));
            }
            long measured = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                String key = "k" + i;
                client.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS(key),
                        "v", AttributeValue.fromS(payload))));
            }
            long end = System.nanoTime();
            System.out.printf(Locale.ROOT, "%s: build + create table + first PutItem %.0f ms; %d sequential PutItem %.2f ms each%n",
                    kind, first / 1e6, calls, (end - measured) / 1e6 / calls);
        }
    }
}
