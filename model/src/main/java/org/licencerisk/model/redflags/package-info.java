/** Deterministic red-flag rules from the regulation and the due-diligence guidance, independent of the model. */
package org.licencerisk.model.redflags;
