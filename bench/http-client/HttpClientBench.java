import software.amazon.awssdk.auth.credentials.*;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.*;
import java.net.URI;
import java.util.*;
public class HttpClientBench {
  public static void main(String[] a) throws Exception {
    String kind = a[0]; int port = Integer.parseInt(a[1]); int n = Integer.parseInt(a[2]);
    long t0 = System.nanoTime();
    SdkHttpClient http = kind.equals("url") ? UrlConnectionHttpClient.builder().build() : Apache5HttpClient.builder().build();
    DynamoDbClient c = DynamoDbClient.builder().httpClient(http).region(Region.EU_WEST_1)
      .endpointOverride(URI.create("http://127.0.0.1:" + port))
      .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    String table = "t" + kind;
    try { c.createTable(b -> b.tableName(table).billingMode(BillingMode.PAY_PER_REQUEST)
      .attributeDefinitions(AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build())
      .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build())); } catch (ResourceInUseException e) {}
    c.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("warm"))));
    long first = System.nanoTime() - t0;
    for (int i = 0; i < 500; i++) { int j = i; c.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("w" + j), "v", AttributeValue.fromS("x".repeat(600))))); }
    long s = System.nanoTime();
    for (int i = 0; i < n; i++) { int j = i; c.putItem(b -> b.tableName(table).item(Map.of("pk", AttributeValue.fromS("k" + j), "v", AttributeValue.fromS("x".repeat(600))))); }
    long e = System.nanoTime();
    System.out.printf("%s: build+create+first put %.0f ms; %d sequential PutItem %.2f ms each%n", kind, first / 1e6, n, (e - s) / 1e6 / n);
  }
}
