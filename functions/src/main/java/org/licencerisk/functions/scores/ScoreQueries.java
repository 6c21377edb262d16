package org.licencerisk.functions.scores;

import org.licencerisk.functions.errors.InvalidRequestException;
import org.licencerisk.functions.http.ListBody;
import org.licencerisk.functions.storage.Page;

import java.util.regex.Pattern;

/** Reads an application's scores for officers. Thread-safe. */
public final class ScoreQueries {

    private static final Pattern SCORE_ID = Pattern.compile("[0-9a-f]{32}");

    private final ScoreRepository scores;

    public ScoreQueries(ScoreRepository scores) {
        this.scores = scores;
    }

    /** The newest score, or a 404. */
    public ScoreView latest(String applicationId) {
        return scores.latest(applicationId).map(ScoreView::of).orElseThrow(() -> unknown(applicationId));
    }

    /** One score, or a 404. */
    public ScoreView get(String applicationId, String scoreId) {
        if (!SCORE_ID.matcher(scoreId).matches()) {
            throw InvalidRequestException.of("scoreId", "Must be 32 lower-case hexadecimal digits.");
        }
        return scores.find(applicationId, scoreId).map(ScoreView::of).orElseThrow(() -> new ScoreNotFoundException(
                "Application " + applicationId + " has no score with id " + scoreId + "."));
    }

    /** A page of the history, newest first; a 404 when the application has no score at all. */
    public ListBody<ScoreView> history(String applicationId, int limit, String cursor) {
        Page<StoredScore> page = scores.history(applicationId, limit, cursor);
        if (page.items().isEmpty() && cursor == null) {
            throw unknown(applicationId);
        }
        return new ListBody<>(page.items().stream().map(ScoreView::of).toList(), page.nextCursor());
    }

    private static ScoreNotFoundException unknown(String applicationId) {
        return new ScoreNotFoundException("No score has been stored for application " + applicationId + ".");
    }
}
