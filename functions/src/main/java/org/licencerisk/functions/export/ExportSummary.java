package org.licencerisk.functions.export;

/**
 * What an export did.
 *
 * @param decided           decided applications found
 * @param exported          lines written
 * @param withoutContent    decided applications whose score was stored before contents were kept, left out
 */
public record ExportSummary(long decided, long exported, long withoutContent) {
}
