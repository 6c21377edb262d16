package org.licencerisk.functions.screening;

import org.licencerisk.model.scoring.RedFlag;
import org.licencerisk.model.scoring.RiskScore;
import org.licencerisk.screening.Denial;
import org.licencerisk.screening.DenialMatch;
import org.licencerisk.screening.MatchVerdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The red flags denial matches raise: {@value #ESSENTIALLY_IDENTICAL} for an essentially identical transaction
 * (consult the denying state before granting) and {@value #DENIED_PARTY} for a party of a denial. Each names the
 * criterion the (strongest) denial rests on and never a party's name.
 */
public final class DenialFlags {

    public static final String ESSENTIALLY_IDENTICAL = "DENIAL_ESSENTIALLY_IDENTICAL";
    public static final String DENIED_PARTY = "DENIED_PARTY";
    private static final Set<String> CODES = Set.of(ESSENTIALLY_IDENTICAL, DENIED_PARTY);

    private DenialFlags() {
    }

    /**
     * The model's score with the denial flags of {@code matches} in place of any earlier ones.
     *
     * @param denials the register's denials by id (for the criteria they rest on)
     */
    public static RiskScore apply(RiskScore score, List<DenialMatch> matches, Map<String, Denial> denials) {
        List<RedFlag> flags = new ArrayList<>();
        for (RedFlag f : score.redFlags()) {
            if (!CODES.contains(f.code())) {
                flags.add(f);
            }
        }
        flags.addAll(flags(matches, denials));
        return new RiskScore(score.riskScore(), score.riskBand(), score.modelVersion(), score.referenceDataVersion(),
                score.factors(), flags);
    }

    /** The denial flags of some matches: at most one of each code, from the strongest match that raises it. */
    static List<RedFlag> flags(List<DenialMatch> matches, Map<String, Denial> denials) {
        List<RedFlag> out = new ArrayList<>(2);
        matches.stream().filter(m -> m.verdict() == MatchVerdict.ESSENTIALLY_IDENTICAL).findFirst().ifPresent(m ->
                out.add(new RedFlag(ESSENTIALLY_IDENTICAL, criterion(m, denials), "An essentially identical transaction"
                        + " was denied by " + m.notifyingState() + " on " + m.notifiedOn() + " (denial " + m.denialId()
                        + "): consult the denying state before granting.")));
        matches.stream().filter(m -> m.verdict() == MatchVerdict.ESSENTIALLY_IDENTICAL
                || m.verdict() == MatchVerdict.SAME_PARTY).findFirst().ifPresent(m ->
                out.add(new RedFlag(DENIED_PARTY, criterion(m, denials), "A party of this application is a party of"
                        + " denial " + m.denialId() + " (" + m.notifyingState() + ", " + m.notifiedOn() + ").")));
        return out;
    }

    private static String criterion(DenialMatch m, Map<String, Denial> denials) {
        Denial d = denials.get(m.denialId());
        return d == null || d.criteria().isEmpty() ? "7" : d.criteria().get(0);
    }
}
