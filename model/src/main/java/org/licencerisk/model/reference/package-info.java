/**
 * Versioned reference data: country risk profiles (embargoes, sanctions, human-rights risk) and the
 * control list entries that are cyber-surveillance items.
 */
package org.licencerisk.model.reference;
