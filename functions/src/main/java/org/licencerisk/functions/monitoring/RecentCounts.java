package org.licencerisk.functions.monitoring;

/**
 * What reading a window of recent applications found so far.
 *
 * @param casesRead      case items read by the scans, in the window or not
 * @param decided        applications in the window with a decision
 * @param undecided      applications in the window without a decision
 * @param withoutContent applications in the window whose latest score was stored without the application's content,
 *                       left out
 */
public record RecentCounts(long casesRead, long decided, long undecided, long withoutContent) {

    /** Returns the applications of the window that the report compares: decided and undecided ones. */
    public long applications() {
        return decided + undecided;
    }
}
