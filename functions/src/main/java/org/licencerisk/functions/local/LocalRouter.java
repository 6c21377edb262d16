package org.licencerisk.functions.local;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches request paths to the template's HTTP API routes as API Gateway does: segment by segment, a literal segment
 * winning over a {@code {parameter}} at the first position where two routes differ.
 */
final class LocalRouter {

    /**
     * A matched route.
     *
     * @param functionId     the function's logical id
     * @param route          the route
     * @param pathParameters the decoded path parameters
     */
    record Match(String functionId, SamTemplate.Route route, Map<String, String> pathParameters) {
    }

    private record Entry(String functionId, SamTemplate.Route route, String[] segments) {
    }

    private final List<Entry> entries = new ArrayList<>();

    LocalRouter(SamTemplate template) {
        for (SamTemplate.Function f : template.functions()) {
            for (SamTemplate.Route r : f.routes()) {
                entries.add(new Entry(f.logicalId(), r, split(r.path())));
            }
        }
    }

    /** Returns the best route for a raw (still encoded) path, or {@code null}. */
    Match match(String rawPath) {
        String[] segments = split(rawPath);
        Entry best = null;
        for (Entry e : entries) {
            if (matches(e.segments(), segments) && (best == null || moreSpecific(e.segments(), best.segments()))) {
                best = e;
            }
        }
        if (best == null) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.length; i++) {
            String s = best.segments()[i];
            if (isParameter(s)) {
                parameters.put(s.substring(1, s.length() - 1), URLDecoder.decode(segments[i], StandardCharsets.UTF_8));
            }
        }
        return new Match(best.functionId(), best.route(), parameters);
    }

    private static boolean matches(String[] route, String[] path) {
        if (route.length != path.length) {
            return false;
        }
        for (int i = 0; i < route.length; i++) {
            if (isParameter(route[i]) ? path[i].isEmpty() : !route[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean moreSpecific(String[] a, String[] b) {
        for (int i = 0; i < a.length; i++) {
            if (isParameter(a[i]) != isParameter(b[i])) {
                return !isParameter(a[i]);
            }
        }
        return false;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.split("/", -1);
    }
}
