package org.licencerisk.functions.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.licencerisk.functions.artifacts.S3Objects;
import org.licencerisk.functions.jobs.JobCheckpoint;
import org.licencerisk.functions.jobs.JobKind;
import org.licencerisk.functions.jobs.JobStatus;
import org.licencerisk.functions.jobs.JobStore;
import org.licencerisk.model.data.JsonLinesDecisionWriter;
import org.licencerisk.model.io.AtomicFiles;
import org.licencerisk.model.json.Json;
import org.licencerisk.model.privacy.Pseudonymiser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The training export into S3, in parts, resumable: {@code exports/<exportId>/part-00001.jsonl}, … one part per
 * {@code pageSize} decided applications, then {@code manifest.json}.
 * <p>
 * Each part is streamed to a local temporary file (one scan page and one row in memory), stored with
 * {@code PutObject} from the file, and then a checkpoint ({@link JobKind#EXPORT}, job id the export id) records the
 * scan cursor after it, the running counts and the part's digest. Part names follow from the checkpoint alone, so a
 * run stopped between storing a part and saving its checkpoint stores the same part again on resume, replacing it:
 * every decided application is in exactly one part. Before each part the run checks the time left; when it is less
 * than twice the last part took (and at least {@value #MIN_RESERVE_MILLIS} ms) it stops at the part boundary and
 * returns {@code RUNNING}. When the scan reaches the end of the table the manifest is stored and the job finishes
 * {@code COMPLETE}; a completed export asked again changes nothing. Not thread-safe per export: two invocations
 * resuming the same export race on the checkpoint, and the one that loses stops with an error.
 */
public final class ExportJobService {

    /** The least time kept in reserve when deciding whether another part fits. */
    public static final long MIN_RESERVE_MILLIS = 60_000;
    /** Where exports go in the bucket. */
    public static final String PREFIX = "exports/";
    static final String MANIFEST = "manifest.json";
    private static final String PARTS = "parts";
    private static final String DECIDED = "decided";
    private static final String EXPORTED = "exported";
    private static final String WITHOUT_CONTENT = "withoutContent";
    private static final String KEY_ID = "keyId";
    private static final String PAGE_SIZE = "pageSize";
    private static final String BUCKET = "bucket";
    private static final String PART_DETAIL = "part-";
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final DecisionExporter exporter;
    private final JobStore jobs;
    private final S3Objects s3;
    private final String bucket;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ExportJobService(DecisionExporter exporter, JobStore jobs, S3Objects s3, String bucket, Clock clock) {
        this.exporter = exporter;
        this.jobs = jobs;
        this.s3 = s3;
        this.bucket = bucket;
        this.clock = clock;
    }

    /**
     * Starts or resumes an export and runs it until it completes or the time left is too short for another part.
     *
     * @param remainingMillis the invocation's time left (Lambda's {@code Context.getRemainingTimeInMillis})
     * @param progress        told each stored part (counts and digest only)
     * @throws IllegalArgumentException when the export to resume does not exist or the request contradicts it
     * @throws IllegalStateException    when the export was started with another key, or another invocation advanced
     *                                  it meanwhile
     */
    public ExportRun run(ExportRequest request, Pseudonymiser pseudonymiser, LongSupplier remainingMillis,
                         Consumer<ExportPart> progress) {
        JobCheckpoint checkpoint = request.exportId() == null ? start(request, pseudonymiser)
                : resume(request, pseudonymiser);
        long pageSize = Long.parseLong(checkpoint.details().get(PAGE_SIZE));
        long lastPartMillis = 0;
        while (checkpoint.running()) {
            boolean scanned = checkpoint.cursor() == null && checkpoint.count(PARTS) > 0;
            if (!scanned) {
                if (remainingMillis.getAsLong() < Math.max(MIN_RESERVE_MILLIS, 2 * lastPartMillis)) {
                    return result(checkpoint);
                }
                long began = System.nanoTime();
                JobCheckpoint next = writePart(checkpoint, (int) pageSize, pseudonymiser, progress);
                lastPartMillis = (System.nanoTime() - began) / 1_000_000;
                if (next != null) {
                    checkpoint = next;
                    continue;
                }
            }
            checkpoint = complete(checkpoint);
        }
        return result(checkpoint);
    }

    private JobCheckpoint start(ExportRequest request, Pseudonymiser pseudonymiser) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String exportId = ID_TIME.format(now) + "-" + HexFormat.of().formatHex(randomBytes());
        int pageSize = request.pageSize() == null ? ExportRequest.DEFAULT_PAGE_SIZE : request.pageSize();
        JobCheckpoint first = JobCheckpoint.start(JobKind.EXPORT, exportId, Map.of(BUCKET, bucket,
                KEY_ID, pseudonymiser.keyId(), PAGE_SIZE, Integer.toString(pageSize)), now);
        if (!jobs.start(first)) {
            throw new IllegalStateException("Export " + exportId + " exists already; start the export again.");
        }
        return first;
    }

    private JobCheckpoint resume(ExportRequest request, Pseudonymiser pseudonymiser) {
        JobCheckpoint checkpoint = jobs.find(JobKind.EXPORT, request.exportId()).orElseThrow(() ->
                new IllegalArgumentException("There is no export " + request.exportId()
                        + "; leave exportId out to start a new export."));
        String keyId = checkpoint.details().get(KEY_ID);
        if (!pseudonymiser.keyId().equals(keyId)) {
            throw new IllegalStateException("Export " + request.exportId() + " was started with another "
                    + "pseudonymisation key (key id " + keyId + ", this one's is " + pseudonymiser.keyId()
                    + "); its pseudonyms would not match. Start a new export.");
        }
        if (request.pageSize() != null
                && !Integer.toString(request.pageSize()).equals(checkpoint.details().get(PAGE_SIZE))) {
            throw new IllegalArgumentException("Export " + request.exportId() + " writes parts of "
                    + checkpoint.details().get(PAGE_SIZE) + " decided applications; resume it without a pageSize or "
                    + "with the same one.");
        }
        if (!bucket.equals(checkpoint.details().get(BUCKET))) {
            throw new IllegalArgumentException("Export " + request.exportId() + " writes to bucket "
                    + checkpoint.details().get(BUCKET) + ", not to " + bucket + ".");
        }
        return checkpoint;
    }

    /** Writes and stores the next part; returns its checkpoint, or {@code null} when no decided case was left. */
    private JobCheckpoint writePart(JobCheckpoint checkpoint, int pageSize, Pseudonymiser pseudonymiser,
                                    Consumer<ExportPart> progress) {
        long number = checkpoint.count(PARTS) + 1;
        String name = partName(number);
        String key = prefix(checkpoint.jobId()) + name + ".jsonl";
        Path dir = null;
        try {
            dir = Files.createTempDirectory("licence-risk-export-");
            Path file = dir.resolve(name + ".jsonl");
            String cursor = checkpoint.cursor();
            long decided = 0;
            long withoutContent = 0;
            long rows;
            try (JsonLinesDecisionWriter writer = new JsonLinesDecisionWriter(file)) {
                do {
                    int limit = (int) Math.min(DecisionExporter.PAGE, pageSize - decided);
                    DecisionExporter.Step step = exporter.exportPage(cursor, limit, pseudonymiser, writer);
                    decided += step.decided();
                    withoutContent += step.withoutContent();
                    cursor = step.nextCursor();
                } while (cursor != null && decided < pageSize);
                rows = writer.count();
                writer.commit();
            }
            if (decided == 0) {
                return null;
            }
            ExportPart part = new ExportPart(key, rows, decided, withoutContent, AtomicFiles.sha256(file));
            s3.put(bucket, key, file);
            JobCheckpoint next = checkpoint.advance(cursor, Map.of(PARTS, number,
                            DECIDED, checkpoint.count(DECIDED) + decided,
                            EXPORTED, checkpoint.count(EXPORTED) + rows,
                            WITHOUT_CONTENT, checkpoint.count(WITHOUT_CONTENT) + withoutContent),
                    Map.of(name, json(part)), clock.instant().truncatedTo(ChronoUnit.MILLIS));
            save(next);
            progress.accept(part);
            return next;
        } catch (IOException e) {
            throw new UncheckedIOException("Part " + number + " of export " + checkpoint.jobId()
                    + " could not be written to local disk.", e);
        } finally {
            if (dir != null) {
                try (var files = Files.list(dir)) {
                    files.forEach(AtomicFiles::deleteQuietly);
                } catch (IOException ignored) {
                    // Best effort: the part is pseudonymised and /tmp belongs to this container.
                }
                AtomicFiles.deleteQuietly(dir);
            }
        }
    }

    /** Stores the manifest (the same bytes however often) and finishes the job. */
    private JobCheckpoint complete(JobCheckpoint checkpoint) {
        List<ExportPart> parts = new ArrayList<>();
        for (long n = 1; n <= checkpoint.count(PARTS); n++) {
            String detail = checkpoint.details().get(partName(n));
            if (detail == null) {
                throw new IllegalStateException("Export " + checkpoint.jobId() + " has no record of part " + n + ".");
            }
            parts.add(read(detail));
        }
        ExportManifest manifest = new ExportManifest(checkpoint.jobId(), ExportManifest.FORMAT,
                checkpoint.startedAt(), checkpoint.details().get(KEY_ID),
                Long.parseLong(checkpoint.details().get(PAGE_SIZE)), checkpoint.count(DECIDED),
                checkpoint.count(EXPORTED), checkpoint.count(WITHOUT_CONTENT), parts);
        try {
            s3.put(bucket, prefix(checkpoint.jobId()) + MANIFEST,
                    Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The export manifest could not be written as JSON.", e);
        }
        JobCheckpoint done = checkpoint.finish(JobStatus.COMPLETE, checkpoint.counts(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS));
        save(done);
        return done;
    }

    private void save(JobCheckpoint next) {
        if (!jobs.save(next)) {
            throw new IllegalStateException("Export " + next.jobId() + " was advanced by another invocation "
                    + "meanwhile; this one stopped. Invoke again with the exportId to continue from its checkpoint.");
        }
    }

    private ExportRun result(JobCheckpoint c) {
        return new ExportRun(c.jobId(), c.status(), "s3://" + c.details().get(BUCKET) + "/" + prefix(c.jobId()),
                c.count(PARTS), c.count(DECIDED), c.count(EXPORTED), c.count(WITHOUT_CONTENT));
    }

    /** The object key prefix of an export. */
    public static String prefix(String exportId) {
        return PREFIX + exportId + "/";
    }

    /** {@code part-00001} for part 1. */
    static String partName(long number) {
        return PART_DETAIL + String.format(Locale.ROOT, "%05d", number);
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String json(ExportPart part) {
        try {
            return Json.mapper().writeValueAsString(part);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A part record could not be written as JSON.", e);
        }
    }

    private static ExportPart read(String json) {
        try {
            return Json.mapper().readValue(json, ExportPart.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A part record of the export checkpoint is not readable.", e);
        }
    }
}
