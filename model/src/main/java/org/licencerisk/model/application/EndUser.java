package org.licencerisk.model.application;

/**
 * The end user (box 9) and its kind.
 *
 * @param name    the end user's name; confidential, never logged
 * @param type    the kind of end user
 * @param country ISO 3166-1 alpha-2 code of the end user's country
 */
public record EndUser(String name, EndUserType type, String country) {
}
