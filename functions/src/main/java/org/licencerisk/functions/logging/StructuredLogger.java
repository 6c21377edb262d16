package org.licencerisk.functions.logging;

import com.fasterxml.jackson.core.JsonGenerator;
import org.licencerisk.model.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * Writes log events as single JSON lines: {@code {"time":..., "level":..., "requestId":..., "event":..., ...}}.
 * <p>
 * Values are limited to identifiers, codes and numbers chosen by the caller; there is deliberately no way to log
 * a free-form object, so that application contents cannot reach the logs by accident. Thread-safe.
 */
public final class StructuredLogger {

    /** Severity of an event. */
    public enum Level { INFO, WARN, ERROR }

    private final PrintStream out;
    private final Clock clock;

    public StructuredLogger(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /** A logger writing to standard output, which Lambda forwards to CloudWatch Logs line by line. */
    public static StructuredLogger stdout() {
        return new StructuredLogger(System.out, Clock.systemUTC());
    }

    /**
     * Logs one event.
     *
     * @param level     severity
     * @param requestId the request id, or {@code null} outside a request
     * @param event     a short stable event name, e.g. {@code request}
     * @param fields    further fields: strings, numbers or booleans only
     */
    public void log(Level level, String requestId, String event, Map<String, ?> fields) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(buffer)) {
            g.writeStartObject();
            g.writeStringField("time", clock.instant().toString());
            g.writeStringField("level", level.name());
            if (requestId != null) {
                g.writeStringField("requestId", requestId);
            }
            g.writeStringField("event", event);
            for (Map.Entry<String, ?> e : fields.entrySet()) {
                Object v = e.getValue();
                if (v == null) {
                    continue;
                }
                if (v instanceof Number n) {
                    g.writeFieldName(e.getKey());
                    writeNumber(g, n);
                } else if (v instanceof Boolean b) {
                    g.writeBooleanField(e.getKey(), b);
                } else if (v instanceof CharSequence || v instanceof Enum<?>) {
                    g.writeStringField(e.getKey(), v.toString());
                } else {
                    throw new IllegalArgumentException("Log field '" + e.getKey()
                            + "' must be a string, number, boolean or enum, found " + v.getClass().getSimpleName() + ".");
                }
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write a log line.", e);
        }
        String line = buffer.toString(StandardCharsets.UTF_8);
        synchronized (out) {
            out.println(line);
        }
    }

    private static void writeNumber(JsonGenerator g, Number n) throws IOException {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            g.writeNumber(n.longValue());
        } else {
            g.writeNumber(n.doubleValue());
        }
    }
}
