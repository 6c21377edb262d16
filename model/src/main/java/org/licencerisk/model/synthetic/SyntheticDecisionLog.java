package org.licencerisk.model.synthetic;

import org.licencerisk.model.application.LicenceApplication;
import org.licencerisk.model.data.HistoricalApplication;
import org.licencerisk.model.data.JsonLinesDecisionWriter;
import org.licencerisk.model.data.Outcome;
import org.licencerisk.model.features.ApplicationField;
import org.licencerisk.model.reference.ReferenceData;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A SYNTHETIC decision log: invented licence applications with decisions drawn from a documented
 * {@link LatentPolicy}, for development, tests, demonstrations and training benchmarks. It is not any authority's
 * real data. See {@code docs/synthetic-data.md} for every share, coefficient, drift and the noise.
 * <p>
 * Decisions are spread evenly over 2021-01-01 to 2025-12-31 (working days, office hours), in order; each
 * application is submitted some days before its decision. The log is a pure function of the seed and the size:
 * the same seed gives byte-identical files on every run. Immutable and thread-safe; each {@link #generate()} call
 * starts afresh.
 */
public final class SyntheticDecisionLog {

    /** The default number of applications: about five years of a mid-sized authority. */
    public static final int DEFAULT_APPLICATIONS = 20_000;
    /** The default seed. */
    public static final long DEFAULT_SEED = 20261129L;
    /** The largest log this generator makes. */
    public static final int MAX_APPLICATIONS = 10_000_000;
    /** How often, in rows, the write methods report progress. */
    public static final int PROGRESS_INTERVAL = 10_000;
    /** The first decision day. */
    public static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 1);
    /** The last decision day. */
    public static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

    /** Share of decisions that return "no licence required" (none to restricted destinations; few for surveillance items). */
    static final double NO_LICENCE_REQUIRED = 0.04;
    static final double NO_LICENCE_REQUIRED_SURVEILLANCE = 0.005;
    /** Withdrawal probability: a base rate plus a share of the refusal probability (exporters told to expect a refusal). */
    static final double WITHDRAWN_BASE = 0.015;
    static final double WITHDRAWN_PER_RISK = 0.30;
    /** Approval with provisos: a base rate plus a share of the refusal probability, at most {@link #PROVISOS_MAX}. */
    static final double PROVISOS_BASE = 0.08;
    static final double PROVISOS_PER_RISK = 0.6;
    static final double PROVISOS_MAX = 0.6;
    /** Share of approve/refuse decisions recorded the other way round (label noise). */
    static final double LABEL_NOISE = 0.005;

    private static final long DAYS = ChronoUnit.DAYS.between(FIRST_DAY, LAST_DAY) + 1;
    private static final int OFFICE_OPENS_SECONDS = 8 * 3600;
    private static final int OFFICE_HOURS_SECONDS = 9 * 3600;

    private final long seed;
    private final int applications;
    private final ReferenceData referenceData;
    private final LatentPolicy policy;

    /** Creates the default log: {@link #DEFAULT_APPLICATIONS} applications with {@link #DEFAULT_SEED}. */
    public SyntheticDecisionLog() {
        this(DEFAULT_SEED, DEFAULT_APPLICATIONS);
    }

    /**
     * Creates a log.
     *
     * @param seed         the random seed; the same seed gives the same log
     * @param applications how many applications, 1 to {@link #MAX_APPLICATIONS}
     */
    public SyntheticDecisionLog(long seed, int applications) {
        if (applications < 1 || applications > MAX_APPLICATIONS) {
            throw new IllegalArgumentException("A synthetic decision log holds 1 to " + MAX_APPLICATIONS
                    + " applications, not " + applications + ".");
        }
        this.seed = seed;
        this.applications = applications;
        this.referenceData = ReferenceData.shipped();
        this.policy = new LatentPolicy(referenceData);
    }

    public long seed() {
        return seed;
    }

    public int applications() {
        return applications;
    }

    /** Returns the decisions, lazily and in decision order; the stream is sequential and holds one row at a time. */
    public Stream<HistoricalApplication> generate() {
        Iterator<HistoricalApplication> it = iterator();
        return StreamSupport.stream(Spliterators.spliterator(it, applications,
                Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.SIZED), false);
    }

    /** Returns an iterator over the decisions, in decision order. */
    public Iterator<HistoricalApplication> iterator() {
        SplittableRandom random = new SplittableRandom(seed);
        ApplicationSampler sampler = new ApplicationSampler(referenceData, random);
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < applications;
            }

            @Override
            public HistoricalApplication next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("The synthetic log holds only " + applications + " applications.");
                }
                return decide(random, sampler, next++);
            }
        };
    }

    /** Writes the log as JSON Lines, atomically. */
    public void writeJsonLines(Path file) throws IOException {
        writeJsonLines(file, count -> { });
    }

    /**
     * Writes the log as JSON Lines, atomically, reporting progress.
     *
     * @param progress called with the number of rows written every {@link #PROGRESS_INTERVAL} rows and at the end;
     *                 if it throws, nothing is written
     */
    public void writeJsonLines(Path file, LongConsumer progress) throws IOException {
        try (JsonLinesDecisionWriter writer = new JsonLinesDecisionWriter(file)) {
            Iterator<HistoricalApplication> it = iterator();
            while (it.hasNext()) {
                writer.write(it.next());
                if (writer.count() % PROGRESS_INTERVAL == 0) {
                    progress.accept(writer.count());
                }
            }
            progress.accept(writer.count());
            writer.commit();
        }
    }

    /** Writes the log as a flat CSV decision log ({@link DecisionLogCsv}), atomically. */
    public void writeCsv(Path file) throws IOException {
        writeCsv(file, count -> { });
    }

    /** Writes the log as a flat CSV decision log, atomically, reporting progress as {@link #writeJsonLines(Path, LongConsumer)} does. */
    public void writeCsv(Path file, LongConsumer progress) throws IOException {
        DecisionLogCsv.write(file, iterator(), progress);
    }

    private HistoricalApplication decide(SplittableRandom random, ApplicationSampler sampler, int index) {
        long day = (long) ((index + random.nextDouble()) * DAYS / applications);
        LocalDate date = FIRST_DAY.plusDays(Math.min(day, DAYS - 1));
        if (date.getDayOfWeek() == DayOfWeek.SATURDAY) {
            date = date.minusDays(1);
        } else if (date.getDayOfWeek() == DayOfWeek.SUNDAY) {
            date = date.plusDays(1);
        }
        Instant decidedAt = date.atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(OFFICE_OPENS_SECONDS + random.nextInt(OFFICE_HOURS_SECONDS));
        double processingDays = 5 + ApplicationSampler.logNormal(random, 14, 0.6);
        double extraDays = random.nextDouble() * 30;
        LicenceApplication draft = sampler.next(random, "draft", decidedAt, decidedAt);
        double p = policy.refusalProbability(draft, decidedAt);
        // Risky and surveillance cases take longer: consultations with Foreign Affairs and other member states.
        if (p > 0.2 || ApplicationField.hasSurveillanceItem(draft, referenceData)) {
            processingDays += extraDays;
        }
        Instant submittedAt = decidedAt.minusSeconds((long) (processingDays * 86_400));
        String id = String.format(Locale.ROOT, "SYN-%d-%07d", submittedAt.atZone(ZoneOffset.UTC).getYear(), index + 1);
        LicenceApplication application = new LicenceApplication(id, submittedAt, draft.licenceType(), draft.exporter(),
                draft.items(), draft.destinationCountry(), draft.endUser(), draft.consignee(), draft.intermediaries(),
                draft.endUse(), draft.endUserStatementProvided(), draft.catchAll());
        return new HistoricalApplication(application, outcome(random, application, p), decidedAt);
    }

    private Outcome outcome(SplittableRandom random, LicenceApplication application, double p) {
        boolean restricted = referenceData.country(application.destinationCountry()).restricted();
        boolean surveillance = ApplicationField.hasSurveillanceItem(application, referenceData);
        double nlr = restricted ? 0 : surveillance ? NO_LICENCE_REQUIRED_SURVEILLANCE : NO_LICENCE_REQUIRED;
        double u = random.nextDouble();
        double v = random.nextDouble();
        double w = random.nextDouble();
        double noise = random.nextDouble();
        double provisos = random.nextDouble();
        if (u < nlr) {
            return Outcome.NO_LICENCE_REQUIRED;
        }
        if (v < WITHDRAWN_BASE + WITHDRAWN_PER_RISK * p) {
            return Outcome.WITHDRAWN;
        }
        boolean refused = w < p;
        if (noise < LABEL_NOISE) {
            refused = !refused;
        }
        if (refused) {
            return Outcome.REFUSED;
        }
        return provisos < Math.min(PROVISOS_MAX, PROVISOS_BASE + PROVISOS_PER_RISK * p)
                ? Outcome.APPROVED_WITH_CONDITIONS : Outcome.APPROVED;
    }
}
