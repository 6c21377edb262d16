package org.licencerisk.functions.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda Java runtime's own (de)serialization of HTTP API events and responses (and DynamoDB stream events), so that a handler run locally
 * or in a test sees exactly the objects it would see in Lambda.
 */
public final class LambdaEvents {

    private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, LambdaEvents.class.getClassLoader());
    private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES =
            LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, LambdaEvents.class.getClassLoader());

    private static final PojoSerializer<DynamodbEvent> STREAM_EVENTS =
            LambdaEventSerializers.serializerFor(DynamodbEvent.class, LambdaEvents.class.getClassLoader());

    private LambdaEvents() {
    }

    /** Builds the serializers and runs one event and one response through them (start-up, off the request path). */
    public static void prepare() {
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(200);
        response.setBody("{}");
        event(response(response).replace("\"statusCode\":200", "\"version\":\"2.0\""));
    }

    /** Deserialises an event as the runtime does. */
    public static APIGatewayV2HTTPEvent event(String json) {
        return EVENTS.fromJson(json);
    }

    /** Deserialises a DynamoDB stream event (or an on-demand payload) as the runtime does. */
    public static DynamodbEvent streamEvent(String json) {
        return STREAM_EVENTS.fromJson(json);
    }

    /** Serialises a response as the runtime does before API Gateway reads it. */
    public static String response(APIGatewayV2HTTPResponse response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RESPONSES.toJson(response, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
