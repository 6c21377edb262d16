package org.licencerisk.model.application;

/**
 * An intermediate consignee, broker or agent in the transaction.
 *
 * @param role    the intermediary's part in the transaction
 * @param country ISO 3166-1 alpha-2 code of the intermediary's country
 * @param name    the intermediary's name when the application gives it (then it is screened against the denial
 *                register), or {@code null}; confidential, never logged
 */
public record Intermediary(IntermediaryRole role, String country, String name) {

    /** An intermediary the application does not name. */
    public Intermediary(IntermediaryRole role, String country) {
        this(role, country, null);
    }
}
