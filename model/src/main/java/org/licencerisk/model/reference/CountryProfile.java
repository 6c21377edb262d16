package org.licencerisk.model.reference;

/**
 * What the reference data says about one country of destination.
 *
 * @param code            ISO 3166-1 alpha-2 code
 * @param armsEmbargo     whether an EU, OSCE or UN arms embargo applies (criterion 1)
 * @param sanctions       whether EU restrictive measures restrict dual-use exports to it (criterion 1)
 * @param humanRightsRisk the authority's human-rights risk level for the country (criterion 2)
 */
public record CountryProfile(String code, boolean armsEmbargo, boolean sanctions, HumanRightsRisk humanRightsRisk) {

    /** Returns whether an embargo or sanctions apply. */
    public boolean restricted() {
        return armsEmbargo || sanctions;
    }
}
