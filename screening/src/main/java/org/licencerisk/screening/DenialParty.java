package org.licencerisk.screening;

/**
 * A party named on a denial.
 *
 * @param role    the party's role in the denied transaction
 * @param name    the party's name as notified, in any script; confidential, never logged
 * @param country ISO 3166-1 alpha-2 code of the party's country
 * @param address the address as notified, or {@code null}; confidential, never logged
 */
public record DenialParty(PartyRole role, String name, String country, String address) {
}
