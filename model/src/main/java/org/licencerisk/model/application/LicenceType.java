package org.licencerisk.model.application;

/** The kind of licence applied for (EU Dual-Use Regulation 2021/821). */
public enum LicenceType {
    /** A licence for one exporter, one end user, the goods listed. */
    INDIVIDUAL,
    /** A licence for one exporter covering several end users or destinations (Art. 12); needs an ICP (Art. 15). */
    GLOBAL
}
