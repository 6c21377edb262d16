package org.licencerisk.model.application;

/** The part an intermediary plays between the exporter and the end user. */
public enum IntermediaryRole {
    INTERMEDIATE_CONSIGNEE,
    BROKER,
    AGENT
}
