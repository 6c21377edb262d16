package org.licencerisk.functions.testing;

import com.amazonaws.services.lambda.runtime.Context;
import org.licencerisk.functions.local.LocalContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Lambda contexts whose remaining time is scripted: each call of {@link Context#getRemainingTimeInMillis()} returns
 * the next of the given values, then repeats the last, so a test can make time run short after the first part.
 * Everything else is a {@link LocalContext}'s.
 */
public final class TimedContext {

    private TimedContext() {
    }

    /** A context that answers the given remaining times in order, then the last one forever. */
    public static Context remaining(Integer... millis) {
        LocalContext local = new LocalContext(UUID.randomUUID().toString(), "ExportFunction", 1024,
                System.nanoTime() + 900_000_000_000L);
        Iterator<Integer> script = List.of(millis).iterator();
        int[] last = {millis[0]};
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[]{Context.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getRemainingTimeInMillis")) {
                        synchronized (last) {
                            if (script.hasNext()) {
                                last[0] = script.next();
                            }
                            return last[0];
                        }
                    }
                    try {
                        return method.invoke(local, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** A context with 15 minutes left, always. */
    public static Context plenty() {
        return remaining(900_000);
    }
}
