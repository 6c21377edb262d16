package org.licencerisk.functions.screening;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one re-screening of the undecided applications did (counts only, never content).
 *
 * @param registerVersion the register version screened against
 * @param seen            undecided cases seen
 * @param changed         cases whose matches changed: a new score in their history, their queue entry updated
 * @param unchanged       cases whose matches stayed the same
 * @param current         cases already screened against this register version
 * @param decidedMeanwhile cases decided while they were re-screened (they keep what was shown)
 * @param failed          cases that could not be re-screened (no stored content, content no longer valid)
 * @param superseded      whether the register moved on during the run (a newer run re-screens)
 */
public record RescreenRun(String registerVersion, long seen, long changed, long unchanged, long current,
                          long decidedMeanwhile, long failed, boolean superseded) {

    /** The log fields. */
    public Map<String, Object> logFields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("registerVersion", registerVersion);
        m.put("seen", seen);
        m.put("changed", changed);
        m.put("unchanged", unchanged);
        m.put("current", current);
        m.put("decidedMeanwhile", decidedMeanwhile);
        m.put("failed", failed);
        m.put("superseded", superseded);
        return m;
    }
}
