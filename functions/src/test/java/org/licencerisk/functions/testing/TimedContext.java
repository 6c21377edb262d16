package org.licencerisk.functions.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * A Lambda context whose remaining time is scripted: each call of {@link #getRemainingTimeInMillis()} returns the
 * next of the given values, then repeats the last, so a test can make time run short after the first part.
 */
public final class TimedContext implements Context {

    private final String requestId = UUID.randomUUID().toString();
    private final Iterator<Integer> remaining;
    private int last;

    private TimedContext(List<Integer> remaining) {
        this.remaining = remaining.iterator();
        this.last = remaining.get(0);
    }

    /** A context that answers the given remaining times in order, then the last one forever. */
    public static TimedContext remaining(Integer... millis) {
        return new TimedContext(List.of(millis));
    }

    /** A context with 15 minutes left, always. */
    public static TimedContext plenty() {
        return remaining(900_000);
    }

    @Override
    public synchronized int getRemainingTimeInMillis() {
        if (remaining.hasNext()) {
            last = remaining.next();
        }
        return last;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/test";
    }

    @Override
    public String getLogStreamName() {
        return "test";
    }

    @Override
    public String getFunctionName() {
        return "test";
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:eu-west-1:123456789012:function:test";
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getMemoryLimitInMB() {
        return 1024;
    }

    @Override
    public LambdaLogger getLogger() {
        return null;
    }
}
