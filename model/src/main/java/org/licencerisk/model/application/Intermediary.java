package org.licencerisk.model.application;

/**
 * An intermediate consignee, broker or agent in the transaction.
 *
 * @param role    the intermediary's part in the transaction
 * @param country ISO 3166-1 alpha-2 code of the intermediary's country
 */
public record Intermediary(IntermediaryRole role, String country) {
}
