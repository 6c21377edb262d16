package org.licencerisk.functions.export;

import org.licencerisk.functions.jobs.JobStatus;

/**
 * Where an export stands after an invocation.
 *
 * @param exportId       the export; invoke again with it while {@code status} is {@code RUNNING}
 * @param status         {@code RUNNING} (stopped at a part boundary for want of time) or {@code COMPLETE}
 * @param location       where its parts and, once complete, {@code manifest.json} are: {@code s3://bucket/exports/<id>/}
 * @param parts          parts written so far
 * @param decided        decided applications read so far
 * @param exported       rows written so far
 * @param withoutContent decided applications left out so far (no stored content)
 */
public record ExportRun(String exportId, JobStatus status, String location, long parts, long decided, long exported,
                        long withoutContent) {
}
