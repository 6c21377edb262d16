package org.licencerisk.screening;

/** What a match between an application and a denial amounts to, strongest first. */
public enum MatchVerdict {
    /** Essentially identical goods and the same end user or consignee: consult the denying state before granting. */
    ESSENTIALLY_IDENTICAL,
    /** A party of the application is a party of the denial. */
    SAME_PARTY,
    /** Goods of the same entry family to the same destination, with no party in common. */
    SIMILAR_GOODS_SAME_DESTINATION
}
