package org.licencerisk.functions.testing;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import org.licencerisk.functions.local.LocalContext;

import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Lambda contexts whose remaining time is scripted: each call of {@link Context#getRemainingTimeInMillis()} returns
 * the next of the given values, then repeats the last, so a test can make time run short after the first part.
 * Everything else is a {@link LocalContext}'s.
 */
public final class TimedContext implements Context {

    private final LocalContext local = new LocalContext(UUID.randomUUID().toString(), "ExportFunction", 1024,
            Long.MAX_VALUE);
    private final Iterator<Integer> script;
    private int last;

    private TimedContext(Integer... millis) {
        this.script = List.of(millis).iterator();
        this.last = millis[0];
    }

    /** A context that answers the given remaining times in order, then the last one forever. */
    public static Context remaining(Integer... millis) {
        return new TimedContext(millis);
    }

    /** A context with 15 minutes left, always. */
    public static Context plenty() {
        return remaining(900_000);
    }

    @Override
    public synchronized int getRemainingTimeInMillis() {
        if (script.hasNext()) {
            last = script.next();
        }
        return last;
    }

    @Override
    public String getAwsRequestId() {
        return local.getAwsRequestId();
    }

    @Override
    public String getLogGroupName() {
        return local.getLogGroupName();
    }

    @Override
    public String getLogStreamName() {
        return local.getLogStreamName();
    }

    @Override
    public String getFunctionName() {
        return local.getFunctionName();
    }

    @Override
    public String getFunctionVersion() {
        return local.getFunctionVersion();
    }

    @Override
    public String getInvokedFunctionArn() {
        return local.getInvokedFunctionArn();
    }

    @Override
    public CognitoIdentity getIdentity() {
        return local.getIdentity();
    }

    @Override
    public ClientContext getClientContext() {
        return local.getClientContext();
    }

    @Override
    public int getMemoryLimitInMB() {
        return local.getMemoryLimitInMB();
    }

    @Override
    public LambdaLogger getLogger() {
        return local.getLogger();
    }
}
