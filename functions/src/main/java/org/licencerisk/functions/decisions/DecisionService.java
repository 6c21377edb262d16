package org.licencerisk.functions.decisions;

import org.licencerisk.functions.errors.InvalidRequestException;
import org.licencerisk.functions.queue.ApplicationCase;
import org.licencerisk.functions.queue.CaseRepository;

import org.licencerisk.model.application.FieldProblem;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Records officers' decisions without transactions.
 * <p>
 * Order of writes (docs/table-design.md): (1) the decision item for the next revision, by a conditional put, so that
 * of two concurrent decisions exactly one takes the revision; (2) the case item, by a conditional update that only
 * moves the revision forward and takes the application out of the queue. A failure between the two leaves a
 * complete decision and a case that lags; the next request for the application completes it. Thread-safe.
 */
public final class DecisionService {

    private final CaseRepository cases;
    private final DecisionRepository decisions;
    private final Clock clock;

    public DecisionService(CaseRepository cases, DecisionRepository decisions, Clock clock) {
        this.cases = cases;
        this.decisions = decisions;
        this.clock = clock;
    }

    /**
     * Records a decision.
     *
     * @param subject the subject of the caller's token: the deciding officer recorded ({@code decidedBy})
     * @throws InvalidRequestException       for an invalid body, or one whose {@code officerId} names someone other
     *                                       than the caller
     * @throws UnscoredApplicationException  for an application without a score
     * @throws DecisionConflictException     for a different decision sent without {@code "revision": true}, or one
     *                                       raced by another
     */
    public DecisionResult decide(String applicationId, String body, String subject) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("A decision is recorded in the name of an authenticated subject.");
        }
        DecisionRequest request = DecisionRequest.parse(body);
        if (request.officerId() != null && !request.officerId().equals(subject)) {
            throw new InvalidRequestException("The decision names another officer than the caller.", List.of(
                    new FieldProblem("officerId", "Names someone other than the caller. A decision is recorded in the"
                    + " name of the token's subject (decidedBy); leave officerId out.")));
        }
        ApplicationCase current = cases.find(applicationId).orElseThrow(() -> new UnscoredApplicationException(
                "No score has been stored for application " + applicationId + ", so it cannot be decided."));
        int revision = current.decisionRevision();
        // A decision whose case update was interrupted shows up as the next revision: complete it first.
        Optional<OfficerDecision> pending = decisions.find(applicationId, revision + 1);
        if (pending.isPresent()) {
            complete(pending.get());
            revision = pending.get().revision();
        }
        if (revision > 0) {
            OfficerDecision inForce = decisions.find(applicationId, revision).orElseThrow(() ->
                    new IllegalStateException("A case records a decision revision that is not stored."));
            if (request.sameAs(inForce, subject)) {
                return new DecisionResult(inForce, false);
            }
            if (!request.revision()) {
                throw new DecisionConflictException("Application " + applicationId + " already has a different decision"
                        + " (revision " + revision + "); send \"revision\": true to replace it, keeping the earlier one.");
            }
        }
        OfficerDecision decision = new OfficerDecision(applicationId, revision + 1, request.outcome(),
                request.criteria(), request.rationale(), subject, current.scoreId(),
                current.riskScore(), current.riskBand(), clock.instant());
        if (!decisions.insertIfAbsent(decision)) {
            OfficerDecision winner = decisions.find(applicationId, decision.revision()).orElseThrow(() ->
                    new IllegalStateException("A decision's conditional put failed but the stored one cannot be read."));
            complete(winner);
            if (request.sameAs(winner, subject)) {
                return new DecisionResult(winner, false);
            }
            throw new DecisionConflictException("Another decision on application " + applicationId
                    + " was recorded at the same time (revision " + winner.revision() + "); read it and revise if needed.");
        }
        complete(decision);
        return new DecisionResult(decision, true);
    }

    private void complete(OfficerDecision d) {
        cases.markDecided(d.applicationId(), d.revision(), d.outcome().name(), d.decidedAt().toString());
    }
}
