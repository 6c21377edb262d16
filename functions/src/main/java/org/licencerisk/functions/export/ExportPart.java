package org.licencerisk.functions.export;

/**
 * One written part of an export.
 *
 * @param key            the object key, {@code exports/<exportId>/part-<00001>.jsonl}
 * @param rows           JSON Lines rows in it
 * @param decided        decided applications its scan pages held
 * @param withoutContent of those, how many had no stored content and were left out
 * @param sha256         the SHA-256 of the object, hex
 */
public record ExportPart(String key, long rows, long decided, long withoutContent, String sha256) {
}
