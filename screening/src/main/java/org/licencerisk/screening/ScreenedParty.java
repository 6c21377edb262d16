package org.licencerisk.screening;

/**
 * A party of an application, as screened.
 *
 * @param role    the party's role
 * @param name    the name as the application gives it; confidential, never logged
 * @param country ISO 3166-1 alpha-2 code of the party's country
 */
public record ScreenedParty(PartyRole role, String name, String country) {
}
