package org.licencerisk.functions.export;

import java.time.Instant;
import java.util.List;

/**
 * {@code exports/<exportId>/manifest.json}, written when an export completes.
 *
 * @param exportId       the export
 * @param format         the rows' format, {@value #FORMAT}: the model module's JSON Lines decision format
 * @param startedAt      when the export started
 * @param keyId          the pseudonymisation key's id (8 hex digits of a keyed hash of a fixed label): two exports
 *                       with the same id share pseudonyms; it reveals nothing about the key
 * @param pageSize       decided applications per part
 * @param decided        decided applications read
 * @param exported       rows written
 * @param withoutContent decided applications left out because their score had no stored content
 * @param parts          the parts, in order; concatenated they are the whole export
 */
public record ExportManifest(String exportId, String format, Instant startedAt, String keyId, long pageSize,
                             long decided, long exported, long withoutContent, List<ExportPart> parts) {

    /** The format name. */
    public static final String FORMAT = "licence-risk-decisions-jsonl";

    public ExportManifest {
        parts = List.copyOf(parts);
    }
}
