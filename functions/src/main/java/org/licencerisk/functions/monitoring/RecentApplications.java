package org.licencerisk.functions.monitoring;

import org.licencerisk.functions.decisions.DynamoDbDecisionRepository;
import org.licencerisk.functions.decisions.RecordedOutcome;
import org.licencerisk.functions.queue.ApplicationCase;
import org.licencerisk.functions.queue.CaseRepository;
import org.licencerisk.functions.queue.CaseState;
import org.licencerisk.functions.queue.DynamoDbCaseRepository;
import org.licencerisk.functions.scores.DynamoDbScoreRepository;
import org.licencerisk.functions.storage.BatchReads;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.data.DecisionDataset;
import org.licencerisk.model.data.DecisionRecord;
import org.licencerisk.model.data.Outcome;
import org.licencerisk.model.features.FeatureDefinition;
import org.licencerisk.model.features.RawRecord;
import org.licencerisk.model.reference.ReferenceData;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the applications scored in a window {@code [since, until)} from the applications table: those whose latest
 * score (the case item's {@code scoredAt}) falls in the window, with the raw feature values of that score's stored
 * content and, for decided ones, the outcome and time of the current decision revision.
 * <p>
 * Streaming: paginated scans of case items ({@value #PAGE} per page, {@link CaseRepository#scan}), first the
 * undecided ones, then the decided ones; per page, the window's applications' score contents and (decided ones)
 * decision outcomes are read with {@code BatchGetItem}s of up to {@value BatchReads#MAX_KEYS} keys. Only the window's applications are kept, and of each only its raw
 * feature values (countries, types, control list entries, numbers, flags): the content itself (names, descriptions,
 * end use) is dropped as soon as its features are computed. Undecided cases are scanned first: a case only ever goes
 * from undecided to decided, so one decided between the two scans is seen in the second and counted once, as decided.
 * Scores stored without content (before contents were kept) are counted and left out. Not thread-safe.
 */
public final class RecentApplications {

    /** Case items per scan page. */
    static final int PAGE = 500;
    /** How often progress is reported, in case items read. */
    static final int PROGRESS_EVERY = 1_000;

    private final CaseRepository cases;
    private final DynamoDbScoreRepository scores;
    private final DynamoDbDecisionRepository decisions;
    private final ApplicationParser parser = new ApplicationParser();

    public RecentApplications(DynamoDbClient client, String table) {
        this(new DynamoDbCaseRepository(client, table), new DynamoDbScoreRepository(client, table),
                new DynamoDbDecisionRepository(client, table));
    }

    public RecentApplications(CaseRepository cases, DynamoDbScoreRepository scores,
                              DynamoDbDecisionRepository decisions) {
        this.cases = cases;
        this.scores = scores;
        this.decisions = decisions;
    }

    /**
     * Reads the window.
     *
     * @param definition    the feature definition of the model the report compares with (it must read applications)
     * @param referenceData the reference data it reads
     * @param progress      told the running counts every {@value #PROGRESS_EVERY} case items and at the end; never
     *                      application contents
     * @throws IllegalArgumentException if the window is empty or reversed, or the definition cannot read applications
     */
    public RecentPeriod read(Instant since, Instant until, FeatureDefinition definition, ReferenceData referenceData,
                             Consumer<RecentCounts> progress) {
        if (!since.isBefore(until)) {
            throw new IllegalArgumentException("The window must end after it starts, but it runs from " + since
                    + " to " + until + ".");
        }
        if (!definition.canScoreApplications()) {
            throw new IllegalArgumentException("The model's features " + definition.untiedFeatures()
                    + " are not computed from applications, so it cannot be compared with the live system.");
        }
        Reading reading = new Reading(since, until, definition, referenceData, progress);
        reading.scan(CaseState.UNDECIDED);
        reading.scan(CaseState.DECIDED);
        RecentCounts counts = reading.counts();
        progress.accept(counts);
        List<DecisionRecord> records = new ArrayList<>(reading.kept.size());
        reading.kept.values().forEach(k -> {
            if (k.record() != null) {
                records.add(k.record());
            }
        });
        return new RecentPeriod(since, until, new DecisionDataset(definition, records, reading.digest()), counts);
    }

    /** One application of the window: its record ({@code null} without stored content) and its latest score. */
    private record Kept(DecisionRecord record, String scoreId) {
    }

    /** The state of one read. */
    private final class Reading {
        private final Instant since;
        private final Instant until;
        private final FeatureDefinition definition;
        private final ReferenceData referenceData;
        private final Consumer<RecentCounts> progress;
        private final Map<String, Kept> kept = new HashMap<>();
        private long casesRead;
        /** Decided, undecided, without content. */
        private final long[] tallies = new long[3];

        Reading(Instant since, Instant until, FeatureDefinition definition, ReferenceData referenceData,
                Consumer<RecentCounts> progress) {
            this.since = since;
            this.until = until;
            this.definition = definition;
            this.referenceData = referenceData;
            this.progress = progress;
        }

        void scan(CaseState state) {
            String cursor = null;
            do {
                Page<ApplicationCase> page = cases.scan(state, PAGE, cursor);
                List<ApplicationCase> inWindow = new ArrayList<>();
                for (ApplicationCase c : page.items()) {
                    if (!c.scoredAt().isBefore(since) && c.scoredAt().isBefore(until)) {
                        inWindow.add(c);
                    }
                }
                keep(inWindow);
                long before = casesRead;
                casesRead += page.items().size();
                if (casesRead / PROGRESS_EVERY > before / PROGRESS_EVERY) {
                    progress.accept(counts());
                }
                cursor = page.nextCursor();
            } while (cursor != null);
        }

        /**
         * Keeps the cases of one page that lie in the window, reading their latest scores' contents and (decided ones)
         * their decisions in batches of up to {@value BatchReads#MAX_KEYS}.
         */
        private void keep(List<ApplicationCase> inWindow) {
            for (int from = 0; from < inWindow.size(); from += BatchReads.MAX_KEYS) {
                List<ApplicationCase> batch = inWindow.subList(from, Math.min(inWindow.size(), from + BatchReads.MAX_KEYS));
                Map<String, String> scoreIds = new HashMap<>();
                batch.forEach(c -> scoreIds.put(c.applicationId(), c.scoreId()));
                Map<String, String> contents = scores.applications(scoreIds);
                Map<String, RecordedOutcome> outcomes = decisions.outcomes(batch.stream()
                        .filter(ApplicationCase::decided).toList());
                for (ApplicationCase c : batch) {
                    Kept k = new Kept(record(c, contents.get(c.applicationId()), outcomes.get(c.applicationId())),
                            c.scoreId());
                    tally(kept.put(c.applicationId(), k), -1);
                    tally(k, 1);
                }
            }
        }

        /** The record of a case in the window, or {@code null} when its latest score has no stored content. */
        private DecisionRecord record(ApplicationCase c, String content, RecordedOutcome decision) {
            if (content == null) {
                return null;
            }
            RawRecord raw = definition.extract(parser.parse(content), referenceData);
            if (!c.decided()) {
                return DecisionRecord.undecided(c.applicationId(), c.scoredAt(), raw);
            }
            Outcome outcome = Outcome.valueOf(decision.outcome().name());
            return new DecisionRecord(c.applicationId(), decision.decidedAt(), outcome.name(),
                    outcome.refusalLabel().orElse(null), raw, null);
        }

        /** Adds {@code sign} to the count of the kept application's kind (nothing for {@code null}). */
        private void tally(Kept k, int sign) {
            if (k == null) {
                return;
            }
            int kind = k.record() == null ? 2 : k.record().decided() ? 0 : 1;
            tallies[kind] += sign;
        }

        RecentCounts counts() {
            return new RecentCounts(casesRead, tallies[0], tallies[1], tallies[2]);
        }

        /** SHA-256 over the window's application ids, score ids and outcomes, in id order. */
        String digest() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                kept.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
                    String outcome = e.getValue().record() == null ? "" : e.getValue().record().outcome();
                    sha.update((e.getKey() + '\t' + e.getValue().scoreId() + '\t' + outcome + '\n')
                            .getBytes(StandardCharsets.UTF_8));
                });
                return HexFormat.of().formatHex(sha.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is not available.", e);
            }
        }
    }
}
