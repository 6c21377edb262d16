import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import org.licencerisk.functions.Components;
import org.licencerisk.functions.scores.ScoresHandler;
import org.licencerisk.functions.storage.TableDefinitions;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Process start to first scored response of the scoring function, the way the Lambda runtime calls it: a fresh JVM
 * builds {@link ScoresHandler} with its no-argument constructor (configuration from the environment), deserialises
 * one API Gateway event with the runtime's serializer and calls {@code handleRequest} once. Prints the status and the
 * milliseconds from JVM start (as the JVM records it) to the response. {@code setup} only creates the tables.
 * <p>
 * Usage (see bench/cold-start/run.sh): {@code java -cp LAMBDA_JAR:SERIALIZATION_JARS:CLASSES ColdStart BODY_FILE ID}
 */
public final class ColdStart {

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("setup")) {
            Components c = Components.fromEnvironment();
            TableDefinitions.createIfMissing(c.dynamoDb(), c.config().applicationsTable(), c.config().modelsTable());
            return;
        }
        String body = Files.readString(Path.of(args[0])).replace("PRIMING-0000", args[1]);
        String event = "{\"version\":\"2.0\",\"routeKey\":\"ANY /v1/scores\",\"rawPath\":\"/v1/scores\","
                + "\"headers\":{\"content-type\":\"application/json\"},\"requestContext\":{\"http\":{\"method\":\"POST\","
                + "\"path\":\"/v1/scores\"},\"requestId\":\"cold-" + args[1] + "\"},\"body\":"
                + com.fasterxml.jackson.databind.node.TextNode.valueOf(body) + ",\"isBase64Encoded\":false}";
        ScoresHandler handler = new ScoresHandler();
        PojoSerializer<APIGatewayV2HTTPEvent> serializer = LambdaEventSerializers.serializerFor(
                APIGatewayV2HTTPEvent.class, ColdStart.class.getClassLoader());
        APIGatewayV2HTTPEvent request = serializer.fromJson(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)));
        APIGatewayV2HTTPResponse response = handler.handleRequest(request, new BenchContext(args[1]));
        long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("status " + response.getStatusCode() + " first response " + ms + " ms after JVM start");
    }

    /** The little of a Lambda context the handler reads. */
    private record BenchContext(String id) implements Context {
        public String getAwsRequestId() { return id; }
        public String getLogGroupName() { return "cold-start"; }
        public String getLogStreamName() { return "cold-start"; }
        public String getFunctionName() { return "ScoresFunction"; }
        public String getFunctionVersion() { return "$LATEST"; }
        public String getInvokedFunctionArn() { return "arn:aws:lambda:eu-west-1:000000000000:function:ScoresFunction"; }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 10_000; }
        public int getMemoryLimitInMB() { return 1024; }
        public LambdaLogger getLogger() { return null; }
    }
}
