package org.licencerisk.model.application;

/**
 * The exporter (box 1 of the EU model form).
 *
 * @param id                      the exporter's identifier at the authority (EORI or case-system id)
 * @param name                    the exporter's name; confidential, never logged
 * @param country                 ISO 3166-1 alpha-2 code of the exporter's country
 * @param hasComplianceProgramme  whether the exporter runs an internal compliance programme (ICP)
 */
public record Exporter(String id, String name, String country, boolean hasComplianceProgramme) {
}
