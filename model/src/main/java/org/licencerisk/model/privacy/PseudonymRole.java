package org.licencerisk.model.privacy;

/**
 * The part an identity plays in an application, which decides its pseudonym's prefix and its hashing domain.
 * <p>
 * Roles in the same domain link: the same normalised identity gets the same hash. End users and consignees share
 * the domain {@code party}, so an end user refused earlier is recognisable when it reappears as a consignee (and
 * the other way round): that is the diversion pattern of criterion 7 and the "same end user or consignee" check of
 * other member states' denials. Exporters are a different population (the authority's own applicants, whose
 * identity is competition-sensitive) and their ids a different namespace, so each has a domain of its own and never
 * links to a foreign party.
 */
public enum PseudonymRole {
    /** The exporter's identifier at the authority (EORI or case-system id). */
    EXPORTER_ID("xi", "exporter-id"),
    /** The exporter's name. */
    EXPORTER("ex", "exporter"),
    /** The end user's name; links with {@link #CONSIGNEE}. */
    END_USER("eu", "party"),
    /** The consignee's name; links with {@link #END_USER}. */
    CONSIGNEE("cn", "party");

    private final String code;
    private final String domain;

    PseudonymRole(String code, String domain) {
        this.code = code;
        this.domain = domain;
    }

    /** Returns the short code in the pseudonym, e.g. {@code eu} in {@code pseu:eu:…}. */
    public String code() {
        return code;
    }

    /** Returns the hashing domain; roles with the same domain give the same hash for the same identity. */
    public String domain() {
        return domain;
    }
}
