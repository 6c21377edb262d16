package org.licencerisk.functions.denials;

/**
 * The outcome of storing a denial.
 *
 * @param denial  the current version
 * @param created whether the denial is new
 * @param changed whether this request stored a new version ({@code false}: the same content was already current)
 */
public record DenialChange(StoredDenial denial, boolean created, boolean changed) {
}
