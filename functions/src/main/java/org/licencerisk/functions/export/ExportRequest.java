package org.licencerisk.functions.export;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the export function is asked to do: start a new export, or resume one.
 *
 * @param exportId the export to resume, or {@code null} to start a new one
 * @param pageSize decided applications per part, or {@code null} for {@value #DEFAULT_PAGE_SIZE} (a new export) or
 *                 the export's own (a resumed one)
 */
public record ExportRequest(String exportId, Integer pageSize) {

    /** Decided applications per part unless the request says otherwise. */
    public static final int DEFAULT_PAGE_SIZE = 5_000;
    /** The largest part, in decided applications (a part is written to local disk before it is stored). */
    public static final int MAX_PAGE_SIZE = 50_000;
    /** What an export id looks like: its start time (UTC, seconds) and 8 random hex digits. */
    public static final Pattern EXPORT_ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{8}");
    private static final Set<String> FIELDS = Set.of("exportId", "pageSize");

    public ExportRequest {
        if (exportId != null && !EXPORT_ID.matcher(exportId).matches()) {
            throw new IllegalArgumentException("The exportId must be one this function returned, such as "
                    + "20261129T130000Z-1a2b3c4d.");
        }
        if (pageSize != null && (pageSize < 1 || pageSize > MAX_PAGE_SIZE)) {
            throw new IllegalArgumentException("The pageSize must lie between 1 and " + MAX_PAGE_SIZE
                    + " decided applications per part, but it was " + pageSize + ".");
        }
    }

    /**
     * Reads an invocation payload such as {@code {"exportId": "20261129T130000Z-1a2b3c4d"}} or
     * {@code {"pageSize": 2000}}; both fields are optional.
     *
     * @throws IllegalArgumentException for an unknown field or a malformed value
     */
    public static ExportRequest fromPayload(Map<String, Object> payload) {
        for (String field : payload.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new IllegalArgumentException("Unknown field '" + field + "'; an export takes exportId (to resume) "
                        + "and pageSize, both optional.");
            }
        }
        Object id = payload.get("exportId");
        if (id != null && !(id instanceof String)) {
            throw new IllegalArgumentException("The exportId must be a string such as 20261129T130000Z-1a2b3c4d.");
        }
        Object size = payload.get("pageSize");
        if (size != null && !(size instanceof Integer || size instanceof Long)) {
            throw new IllegalArgumentException("The pageSize must be a whole number of decided applications per part.");
        }
        Integer pageSize = null;
        if (size != null) {
            long value = ((Number) size).longValue();
            pageSize = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
        }
        return new ExportRequest((String) id, pageSize);
    }
}
