package org.licencerisk.model.application;

/**
 * The consignee (box 5), when it is not the end user.
 *
 * @param name    the consignee's name; confidential, never logged
 * @param country ISO 3166-1 alpha-2 code of the consignee's country
 */
public record Consignee(String name, String country) {
}
