package org.licencerisk.functions.matches;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.licencerisk.functions.decisions.DecisionHooks;
import org.licencerisk.functions.decisions.DecisionOutcome;
import org.licencerisk.functions.errors.InvalidRequestException;
import org.licencerisk.functions.scores.ScoreRepository;
import org.licencerisk.functions.scores.StoredScore;
import org.licencerisk.model.application.FieldProblem;
import org.licencerisk.model.json.Json;
import org.licencerisk.screening.DenialMatch;
import org.licencerisk.screening.MatchVerdict;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Officers' reviews of denial matches and the consultations they open; also the guard that refuses a grant while a
 * consultation is open (a {@link DecisionHooks}). Thread-safe.
 */
public final class MatchReviewService {

    /** How long the consulted state has to reply, in days from the opening. */
    public static final int REPLY_DAYS = 30;
    private static final Pattern DENIAL_ID = Pattern.compile("[A-Za-z0-9\\-_.:]{1,64}");
    private static final int MAX_REASON = 4000;

    private final ScoreRepository scores;
    private final MatchReviewRepository reviews;
    private final Clock clock;

    public MatchReviewService(ScoreRepository scores, MatchReviewRepository reviews, Clock clock) {
        this.scores = scores;
        this.reviews = reviews;
        this.clock = clock;
    }

    /**
     * Records an officer's review of the match of {@code denialId} on the application's latest score.
     *
     * @param officer the token's subject
     * @throws InvalidRequestException for an invalid body
     * @throws NoSuchMatchException    when the latest score has no such match
     */
    public MatchReview review(String applicationId, String denialId, String body, String officer) {
        if (!DENIAL_ID.matcher(denialId).matches()) {
            throw InvalidRequestException.of("denialId", "Must be 1 to 64 letters, digits, '-', '_', '.' or ':'.");
        }
        Request request = parse(body);
        StoredScore latest = scores.latest(applicationId).orElseThrow(() -> new NoSuchMatchException(
                "No score has been stored for application " + applicationId + "."));
        DenialMatch match = latest.screening().matches().stream().filter(m -> m.denialId().equals(denialId))
                .findFirst().orElseThrow(() -> new NoSuchMatchException("The latest score of application "
                        + applicationId + " has no match with denial " + denialId + "."));
        var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        int sequence = (int) reviews.reviews(applicationId).stream().filter(r -> r.denialId().equals(denialId)).count();
        MatchReview review;
        do {
            sequence++;
            review = new MatchReview(applicationId, denialId, sequence, request.verdict(), request.reason(), officer, now,
                    null);
        } while (!reviews.insert(review));
        Consultation consultation = null;
        if (request.verdict() == ReviewVerdict.CONFIRMED && match.verdict() == MatchVerdict.ESSENTIALLY_IDENTICAL) {
            LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
            consultation = reviews.open(applicationId, new Consultation(denialId, match.notifyingState(), today,
                    today.plusDays(REPLY_DAYS), Consultation.Status.OPEN, null, null, null));
        } else if (request.verdict() == ReviewVerdict.DISMISSED) {
            reviews.settle(applicationId, denialId, Consultation.Status.CLOSED, officer, null, now);
            consultation = reviews.consultation(applicationId, denialId).orElse(null);
        }
        return new MatchReview(applicationId, denialId, review.sequence(), review.verdict(), review.reason(), officer,
                now, consultation);
    }

    /**
     * The case's matches, reviews and consultations.
     *
     * @throws NoSuchMatchException when the application has no score
     */
    public MatchCase matchCase(String applicationId) {
        StoredScore latest = scores.latest(applicationId).orElseThrow(() -> new NoSuchMatchException(
                "No score has been stored for application " + applicationId + "."));
        return new MatchCase(applicationId, latest.screening().registerVersion(), latest.screening().matches(),
                reviews.reviews(applicationId), reviews.consultations(applicationId));
    }

    /** The guard on decisions: a grant while a consultation is open needs an override, which is recorded. */
    public DecisionHooks guard() {
        return new DecisionHooks() {
            @Override
            public void beforeDecision(String applicationId, DecisionOutcome outcome, String override, String subject) {
                if (outcome != DecisionOutcome.APPROVED && outcome != DecisionOutcome.APPROVED_WITH_CONDITIONS) {
                    return;
                }
                List<Consultation> open = reviews.consultations(applicationId).stream().filter(Consultation::open)
                        .toList();
                if (open.isEmpty()) {
                    return;
                }
                if (override == null) {
                    Consultation c = open.get(0);
                    throw new OpenConsultationException("A consultation of " + c.notifyingState() + " about denial "
                            + c.denialId() + ", an essentially identical transaction it denied, is open (reply due "
                            + c.replyDue() + "): the denying state must be consulted before granting. Wait for its"
                            + " reply, or send \"consultationOverride\": {\"reason\": \"...\"} to grant anyway.");
                }
                var now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                for (Consultation c : open) {
                    reviews.settle(applicationId, c.denialId(), Consultation.Status.OVERRIDDEN,
                            subject == null ? "unknown" : subject, override, now);
                }
            }
        };
    }

    private record Request(ReviewVerdict verdict, String reason) {
    }

    private static Request parse(String body) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw InvalidRequestException.of("$", "The body is not well-formed JSON.");
        }
        if (node == null || !node.isObject()) {
            throw InvalidRequestException.of("$", "The review must be a JSON object.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        node.fieldNames().forEachRemaining(n -> {
            if (!n.equals("verdict") && !n.equals("reason")) {
                problems.add(new FieldProblem(n.length() > 40 || !n.matches("[A-Za-z0-9_]*") ? "?" : n,
                        "Is not a field of a review."));
            }
        });
        ReviewVerdict verdict = null;
        JsonNode v = node.get("verdict");
        for (ReviewVerdict rv : ReviewVerdict.values()) {
            if (v != null && v.isTextual() && rv.name().equals(v.textValue())) {
                verdict = rv;
            }
        }
        if (verdict == null) {
            problems.add(new FieldProblem("verdict", "Must be CONFIRMED or DISMISSED."));
        }
        String reason = null;
        JsonNode r = node.get("reason");
        if (r != null && !r.isNull()) {
            if (!r.isTextual() || r.textValue().isBlank() || r.textValue().length() > MAX_REASON) {
                problems.add(new FieldProblem("reason", "Must be text of 1 to " + MAX_REASON + " characters."));
            } else {
                reason = r.textValue();
            }
        }
        if (verdict == ReviewVerdict.DISMISSED && reason == null && problems.stream()
                .noneMatch(p -> p.field().equals("reason"))) {
            problems.add(new FieldProblem("reason", "Is required to dismiss a match: say why it is a false alarm."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException("The review has " + problems.size() + " invalid field(s).", problems);
        }
        return new Request(verdict, reason);
    }
}
