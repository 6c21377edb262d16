package org.licencerisk.functions.screening;

import org.licencerisk.functions.denials.DenialRepository;
import org.licencerisk.functions.queue.ApplicationCase;
import org.licencerisk.functions.queue.CaseRepository;
import org.licencerisk.functions.queue.CaseState;
import org.licencerisk.functions.scores.DynamoDbScoreRepository;
import org.licencerisk.functions.scores.InputHash;
import org.licencerisk.functions.scores.ScoreIds;
import org.licencerisk.functions.scores.StoredScore;
import org.licencerisk.functions.storage.Page;
import org.licencerisk.model.application.ApplicationParser;
import org.licencerisk.model.application.LicenceApplication;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Re-screens every undecided application against the register as it is now, when the register changed: started by
 * the denials table's stream in AWS ({@code RescreenFunction}) and by the local server's watcher.
 * <p>
 * For each undecided case whose latest score was screened against an older register, the stored content is screened
 * again; when the matches differ, a new score (the same model's score, the new matches and red flags, the new register
 * version) is stored in the history and made the case's latest, which updates its queue entry. Order of writes: (1) the
 * score item, by a conditional put on an id from content, model and register version (a re-run stores nothing twice);
 * (2) the case, only while it is undecided; when a decision came first, (3) the score item is deleted again, so a
 * decided application keeps what was shown when it was decided. Safe to run concurrently and to repeat. A run that
 * sees the register move on stops; the run the change started does the rest.
 */
public final class RescreenService {

    /** Cases per page. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final ApplicationParser parser = new ApplicationParser();
    private final RegisterFollower register;
    private final DenialRepository denials;
    private final CaseRepository cases;
    private final DynamoDbScoreRepository scores;
    private final Clock clock;
    private final int pageSize;
    private final Runnable beforeCaseUpdate;

    public RescreenService(RegisterFollower register, DenialRepository denials, CaseRepository cases,
                           DynamoDbScoreRepository scores, Clock clock, int pageSize) {
        this(register, denials, cases, scores, clock, pageSize, () -> { });
    }

    /** The same, running {@code beforeCaseUpdate} between storing a score and updating its case (tests of races). */
    RescreenService(RegisterFollower register, DenialRepository denials, CaseRepository cases,
                    DynamoDbScoreRepository scores, Clock clock, int pageSize, Runnable beforeCaseUpdate) {
        if (pageSize < 1 || pageSize > 100) {
            throw new IllegalArgumentException("A re-screening page holds 1 to 100 cases, not " + pageSize + ".");
        }
        this.register = register;
        this.denials = denials;
        this.cases = cases;
        this.scores = scores;
        this.clock = clock;
        this.pageSize = pageSize;
        this.beforeCaseUpdate = beforeCaseUpdate;
    }

    /** Re-screens the undecided applications against the register as it is now. */
    public RescreenRun run() {
        RegisterFollower.Loaded loaded = register.refresh();
        long seen = 0;
        long changed = 0;
        long unchanged = 0;
        long current = 0;
        long decided = 0;
        long failed = 0;
        String cursor = null;
        do {
            Page<ApplicationCase> page = cases.scan(CaseState.UNDECIDED, pageSize, cursor);
            Map<String, StoredScore> latest = new HashMap<>();
            Map<String, String> stale = new HashMap<>();
            for (ApplicationCase c : page.items()) {
                seen++;
                Optional<StoredScore> s = scores.find(c.applicationId(), c.scoreId());
                if (s.isPresent() && loaded.label().equals(s.get().screening().registerVersion())) {
                    current++;
                } else if (s.isPresent()) {
                    latest.put(c.applicationId(), s.get());
                    stale.put(c.applicationId(), c.scoreId());
                } else {
                    failed++;
                }
            }
            Map<String, String> contents = stale.isEmpty() ? Map.of() : scores.applications(stale);
            for (Map.Entry<String, StoredScore> e : latest.entrySet()) {
                String content = contents.get(e.getKey());
                if (content == null) {
                    failed++;
                    continue;
                }
                switch (rescreen(e.getValue(), content, loaded)) {
                    case CHANGED -> changed++;
                    case UNCHANGED -> unchanged++;
                    case DECIDED -> decided++;
                    case FAILED -> failed++;
                }
            }
            cursor = page.nextCursor();
            if (cursor != null && denials.registerVersion() != loaded.version()) {
                return new RescreenRun(loaded.label(), seen, changed, unchanged, current, decided, failed, true);
            }
        } while (cursor != null);
        return new RescreenRun(loaded.label(), seen, changed, unchanged, current, decided, failed, false);
    }

    private enum Outcome { CHANGED, UNCHANGED, DECIDED, FAILED }

    private Outcome rescreen(StoredScore previous, String content, RegisterFollower.Loaded loaded) {
        LicenceApplication application;
        try {
            application = parser.parse(content);
        } catch (IllegalArgumentException noLongerValid) {
            // The message may quote content, so it is not kept.
            return Outcome.FAILED;
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ApplicationScreening.Screened screened = ApplicationScreening.with(loaded, application, previous.score(), day);
        if (sameMatches(screened.screening().matches(), previous.screening().matches())
                && previous.screening().registerVersion() != null) {
            return Outcome.UNCHANGED;
        }
        String hash = InputHash.of(application);
        StoredScore next = new StoredScore(previous.applicationId(),
                ScoreIds.of(hash, screened.score().modelVersion(), loaded.label()), hash, screened.score(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), previous.scoringLatencyMicros(), screened.screening());
        boolean stored = scores.insertIfAbsent(next, content).isEmpty();
        beforeCaseUpdate.run();
        if (cases.advanceLatestIfUndecided(next)) {
            return Outcome.CHANGED;
        }
        boolean decided = cases.find(previous.applicationId()).map(ApplicationCase::decided).orElse(false);
        if (decided && stored) {
            scores.delete(next.applicationId(), next.scoreId());
        }
        return decided ? Outcome.DECIDED : Outcome.UNCHANGED;
    }

    private static boolean sameMatches(List<org.licencerisk.screening.DenialMatch> a,
                                       List<org.licencerisk.screening.DenialMatch> b) {
        return a.equals(b);
    }
}
